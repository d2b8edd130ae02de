import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, unwrap, type Schemas } from "../../api/client";
import { ErrorSummary, type FieldError } from "../../forms/ErrorSummary";
import { RadioGroup, TextArea } from "../../forms/fields";
import { useDraft } from "../../session/drafts";
import { ApiText, useApiLanguage } from "./ApiText";
import { apiFieldError, FormProblem } from "./FormProblem";
import { useSubmission } from "./useSubmission";
import { useFieldErrors } from "../../forms/useFieldErrors";

type Action = Schemas["ActionView"];
type Resolution = NonNullable<Schemas["TransitionRequest"]["resolution"]>;
const RESOLUTIONS: Resolution[] = ["resolved", "unfounded", "withdrawn", "referred_to_authority"];
const NOTE_MAX = 5000;

interface Props {
  caseId: string;
  version: number;
  action: Action;
  onDone(message: ReactNode): void;
  onCancel(): void;
  onConflict(): void;
}

/** Confirms one workflow action, with a note and (when it closes the case) a resolution. */
export function TransitionForm({ caseId, version, action, onDone, onCancel, onConflict }: Props) {
  const { t } = useTranslation("cases");
  const lang = useApiLanguage();
  const label = <ApiText lang={lang}>{action.label}</ApiText>;
  const [note, setNote, discardNote] = useDraft(`case:${caseId}:transition-note`, "");
  const [resolution, setResolution] = useState<string>("");
  const { errors, attempt, check } = useFieldErrors();
  const sending = useSubmission(onConflict);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [action.key]);

  const validate = (): FieldError[] => {
    const found: FieldError[] = [];
    if (action.requiresResolution && !resolution)
      found.push({ fieldId: "transition-resolution", message: t("transition.resolutionRequired") });
    if (note.length > NOTE_MAX) found.push({ fieldId: "transition-note", message: t("common:errors.tooLong", { max: NOTE_MAX }) });
    return found;
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.busy) return;
    const found = validate();
    if (!check(found)) return;
    const body = {
      action: action.key,
      expectedVersion: version,
      resolution: action.requiresResolution ? (resolution as Resolution) : null,
      note: note.trim() ? note : null,
    };
    const ok = await sending.submit(body, () =>
      unwrap(api.POST("/cases/{caseId}/transitions", { params: { path: { caseId } }, body })),
    );
    if (ok) {
      discardNote();
      onDone(
        <>
          {t("transition.done")} {label}.
        </>,
      );
    }
  };

  const errorOf = (fieldId: string) => errors.find((error) => error.fieldId === fieldId)?.message;
  return (
    <form className="case-form" onSubmit={send} noValidate aria-labelledby="transition-form-title">
      <h3 id="transition-form-title" ref={heading} tabIndex={-1}>
        {label}
      </h3>
      <ErrorSummary errors={errors} attempt={attempt} />
      <FormProblem failure={sending.failure} />
      {action.requiresResolution && (
        <RadioGroup
          id="transition-resolution"
          label={t("transition.resolution")}
          required
          options={RESOLUTIONS.map((value) => ({ value, label: t(`resolutions.${value}`) }))}
          value={resolution}
          onChange={setResolution}
          error={errorOf("transition-resolution") ?? apiFieldError(sending.failure, "resolution", t("transition.resolutionRequired"))}
        />
      )}
      <TextArea
        id="transition-note"
        label={t("transition.note")}
        hint={t("transition.noteHint")}
        value={note}
        onChange={setNote}
        rows={3}
        confidential
        error={errorOf("transition-note")}
      />
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--primary" aria-disabled={sending.busy || undefined}>
          <span className="hds-button__label">
            {t("transition.confirm")} {label}
          </span>
        </button>
        <button type="button" className="hds-button hds-button--secondary" onClick={onCancel}>
          <span className="hds-button__label">{t("common:form.cancel")}</span>
        </button>
      </div>
    </form>
  );
}
