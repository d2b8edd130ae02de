import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api, unwrap, type Schemas } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import { ErrorSummary, type FieldError } from "../../forms/ErrorSummary";
import { Select } from "../../forms/fields";
import { apiFieldError, FormProblem } from "./FormProblem";
import { useSubmission } from "./useSubmission";
import { useFieldErrors } from "../../forms/useFieldErrors";

type CaseFile = Schemas["CaseDetailResponse"];

/** Hands the case to another handler. The choices are the type's eligible handlers as the
 * API lists them; whom the reporter recused is not told, so the API's refusal of one comes
 * back as a field error on the choice. */
export function HandoverForm({ file, onDone, onConflict }: { file: CaseFile; onDone(message: ReactNode): void; onConflict(): void }) {
  const { t } = useTranslation("cases");
  const navigate = useNavigate();
  const [handlerId, setHandlerId] = useState("");
  const { errors, attempt, check } = useFieldErrors();
  const sending = useSubmission(onConflict);
  const [handlers] = useApiData(
    () =>
      unwrap(
        api.GET("/report-types/{type}/handlers", {
          params: { path: { type: file.type }, query: file.unitId ? { unit: file.unitId } : {} },
        }),
      ),
    [file.type, file.unitId],
  );
  if (handlers.state !== "ready") return null;
  const choices = handlers.data.handlers.filter((person) => person.userId !== file.assignee?.userId);
  if (choices.length === 0) return null;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.busy) return;
    const found: FieldError[] = handlerId ? [] : [{ fieldId: "handover-handler", message: t("handover.required") }];
    if (!check(found)) return;
    let stillVisible = true;
    const ok = await sending.submit({ handlerId, expectedVersion: file.version }, async () => {
      const changed = await unwrap(
        api.POST("/cases/{caseId}/assignment", {
          params: { path: { caseId: file.caseId } },
          body: { handlerId, expectedVersion: file.version },
        }),
      );
      stillVisible = changed.stillVisible ?? true;
    });
    if (!ok) return;
    const name = choices.find((person) => person.userId === handlerId)?.name ?? handlerId;
    setHandlerId("");
    // Handing one's own case away ends one's access: back to the inbox, which says so.
    if (!stillVisible) navigate("/cases", { state: { notice: "handedOver" } });
    else onDone(t("handover.done", { name }));
  };

  return (
    <form className="case-form" onSubmit={send} noValidate aria-labelledby="handover-title">
      <h2 id="handover-title">{t("handover.title")}</h2>
      <p>{t("handover.intro")}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <FormProblem failure={sending.failure} />
      <Select
        id="handover-handler"
        label={t("handover.handler")}
        required
        placeholder={t("handover.choose")}
        options={choices.map((person) => ({
          value: person.userId,
          label: `${person.name} (${person.roles.map((role) => t(`common:roles.${role}`)).join(", ")})`,
        }))}
        value={handlerId}
        onChange={setHandlerId}
        error={errors[0]?.message ?? apiFieldError(sending.failure, "handlerId", t("handover.notEligible"))}
      />
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--primary" aria-disabled={sending.busy || undefined}>
          <span className="hds-button__label">{t("handover.submit")}</span>
        </button>
      </div>
    </form>
  );
}
