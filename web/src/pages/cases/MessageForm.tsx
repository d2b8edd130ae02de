import { type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, unwrap } from "../../api/client";
import { ErrorSummary, type FieldError } from "../../forms/ErrorSummary";
import { TextArea } from "../../forms/fields";
import { useDraft } from "../../session/drafts";
import { apiFieldError, FormProblem } from "./FormProblem";
import { useSubmission } from "./useSubmission";
import { useFieldErrors } from "../../forms/useFieldErrors";

const BODY_MAX = 5000;

/** A message to the reporter (an anonymous one reads it with their receipt). */
export function MessageForm({ caseId, onDone, onConflict }: { caseId: string; onDone(message: ReactNode): void; onConflict(): void }) {
  const { t } = useTranslation("cases");
  const [body, setBody, discard] = useDraft(`case:${caseId}:message`, "");
  const { errors, attempt, check } = useFieldErrors();
  const sending = useSubmission(onConflict);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.busy) return;
    const found: FieldError[] = [];
    if (!body.trim()) found.push({ fieldId: "message-body", message: t("message.required") });
    else if (body.length > BODY_MAX) found.push({ fieldId: "message-body", message: t("common:errors.tooLong", { max: BODY_MAX }) });
    if (!check(found)) return;
    const ok = await sending.submit({ body }, (key) =>
      unwrap(
        api.POST("/cases/{caseId}/messages", {
          params: { path: { caseId }, header: { "Idempotency-Key": key } },
          body: { body },
        }),
      ),
    );
    if (ok) {
      discard();
      onDone(t("message.sent"));
    }
  };

  return (
    <form className="case-form" onSubmit={send} noValidate aria-labelledby="message-form-title">
      <h3 id="message-form-title">{t("message.title")}</h3>
      <ErrorSummary errors={errors} attempt={attempt} />
      <FormProblem failure={sending.failure} />
      <TextArea
        id="message-body"
        label={t("message.body")}
        hint={t("message.hint")}
        required
        value={body}
        onChange={setBody}
        rows={5}
        confidential
        error={errors[0]?.message ?? apiFieldError(sending.failure, "body", t("message.invalid"))}
      />
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--primary" aria-disabled={sending.busy || undefined}>
          <span className="hds-button__label">{t("message.send")}</span>
        </button>
      </div>
    </form>
  );
}
