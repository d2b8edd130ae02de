import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export interface FieldError {
  /** The id of the field's input (the link's target). */
  fieldId: string;
  message: string;
}

/** GOV.UK's pattern: a summary at the top that takes focus when it appears and links to
 * each field; the fields keep what was typed and show their own message too. */
export function ErrorSummary({
  errors,
  attempt,
  id = "error-summary",
}: {
  errors: FieldError[];
  attempt: number;
  /** Unique on the page, where more than one form can show a summary at once. */
  id?: string;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) heading.current?.focus();
    // Every failed attempt takes focus again, even with the same errors.
  }, [attempt, errors.length]);
  if (errors.length === 0) return null;
  return (
    <div
      ref={heading}
      className="hds-notification hds-notification--error error-summary"
      role="alert"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
    >
      <div className="hds-notification-content">
        <h2 className="hds-notification__label" id={`${id}-title`}>
          {t("errors.summaryTitle")}
        </h2>
        <div className="hds-error-summary__body">
          <ul>
            {errors.map((error) => (
              <li key={error.fieldId}>
                <a
                  href={`#${error.fieldId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const field = document.getElementById(error.fieldId);
                    field?.focus();
                    field?.scrollIntoView?.({ block: "center" });
                  }}
                >
                  {error.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
