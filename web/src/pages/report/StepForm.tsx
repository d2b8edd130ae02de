import type { FormEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** One step's form: fields, then "Continue" (or "Send") and a way back. Validation happens
 * on submit only, so nobody is told off while still typing. */
export function StepForm({
  onSubmit,
  back,
  submitLabel,
  busy = false,
  children,
}: {
  onSubmit: () => void;
  back: string | null;
  submitLabel?: string;
  busy?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <form noValidate onSubmit={submit} className="report-step">
      {children}
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--primary" aria-disabled={busy || undefined}>
          <span className="hds-button__label">{submitLabel ?? t("form.continue")}</span>
        </button>
        {back !== null && (
          <Link className="hds-button hds-button--secondary" to={back}>
            <span className="hds-button__label">{t("form.back")}</span>
          </Link>
        )}
      </div>
    </form>
  );
}

/** The step's place in the form, above its heading ("Step 2 of 5"). */
export function StepCaption({ number, count }: { number: number; count: number }) {
  const { t } = useTranslation("report");
  return <p className="report-step-caption">{t("form.stepOf", { number, count })}</p>;
}

export function RestrictedNote({ children }: { children: ReactNode }) {
  return (
    <div className="hds-notification hds-notification--info report-restricted-note">
      <div className="hds-notification-content">{children}</div>
    </div>
  );
}
