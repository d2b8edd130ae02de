import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { api, unwrap, type Schemas } from "../../api/client";
import { ErrorSummary, type FieldError } from "../../forms/ErrorSummary";
import { RadioGroup, Select, TextArea, TextField } from "../../forms/fields";
import { useDraft } from "../../session/drafts";
import { FormProblem } from "./FormProblem";
import { useSubmission } from "./useSubmission";
import { useFieldErrors } from "../../forms/useFieldErrors";

type EventRequest = Schemas["CaseEventRequest"];
type Kind = EventRequest["kind"];

/** Each kind's own field (the API refuses a field of another kind); `note` needs its note. */
const DETAIL_OF: Partial<Record<Kind, { field: "party" | "assessment" | "measure" | "followUpOn"; options: string[] }>> = {
  party_heard: { field: "party", options: ["reporter", "respondent", "witness"] },
  assessment: { field: "assessment", options: ["yes", "no", "partly"] },
  measure: {
    field: "measure",
    options: [
      "guidance_discussion",
      "mediation",
      "work_arrangements",
      "written_warning",
      "occupational_health_referral",
      "training",
      "external_investigator",
    ],
  },
  follow_up_scheduled: { field: "followUpOn", options: [] },
};
const NOTE_MAX = 5000;

/** Records what was done in the investigation: the kinds the case's workflow offers. */
export function EventForm({ caseId, kinds, onDone }: { caseId: string; kinds: string[]; onDone(message: ReactNode): void }) {
  const { t } = useTranslation("cases");
  const [kind, setKind] = useState("");
  const [detail, setDetail] = useState("");
  const [note, setNote, discardNote] = useDraft(`case:${caseId}:event-note`, "");
  const { errors, attempt, check } = useFieldErrors();
  // Events carry no expectedVersion: a 409 here is only a repeat still running.
  const sending = useSubmission(() => undefined);
  const spec = DETAIL_OF[kind as Kind];

  const validate = (): FieldError[] => {
    const found: FieldError[] = [];
    if (!kind) found.push({ fieldId: "event-kind", message: t("event.kindRequired") });
    if (spec && !detail) found.push({ fieldId: "event-detail", message: t(`event.detailRequired.${spec.field}`) });
    if (kind === "note" && !note.trim()) found.push({ fieldId: "event-note", message: t("event.noteRequired") });
    if (note.length > NOTE_MAX) found.push({ fieldId: "event-note", message: t("common:errors.tooLong", { max: NOTE_MAX }) });
    return found;
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.busy) return;
    const found = validate();
    if (!check(found)) return;
    const body = { kind: kind as Kind, note: note.trim() ? note : null, ...(spec ? { [spec.field]: detail } : {}) } as EventRequest;
    const ok = await sending.submit(body, (key) =>
      unwrap(
        api.POST("/cases/{caseId}/events", {
          params: { path: { caseId }, header: { "Idempotency-Key": key } },
          body,
        }),
      ),
    );
    if (ok) {
      discardNote();
      setKind("");
      setDetail("");
      onDone(t("event.done", { kind: t(`eventKinds.${kind}`, { defaultValue: kind }) }));
    }
  };

  const errorOf = (fieldId: string) => errors.find((error) => error.fieldId === fieldId)?.message;
  const apiErrors = sending.failure?.fieldErrors() ?? {};
  return (
    <form className="case-form" onSubmit={send} noValidate aria-labelledby="event-form-title">
      <h2 id="event-form-title">{t("event.title")}</h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <FormProblem failure={sending.failure} />
      <Select
        id="event-kind"
        label={t("event.kind")}
        required
        placeholder={t("event.choose")}
        options={kinds.map((value) => ({ value, label: t(`eventKinds.${value}`, { defaultValue: value }) }))}
        value={kind}
        onChange={(value) => {
          setKind(value);
          setDetail("");
        }}
        error={errorOf("event-kind")}
      />
      {spec && spec.field === "followUpOn" && (
        <TextField
          id="event-detail"
          type="date"
          label={t("event.followUpOn")}
          required
          value={detail}
          onChange={setDetail}
          error={errorOf("event-detail") ?? (apiErrors.followUpOn ? t("event.detailRequired.followUpOn") : undefined)}
        />
      )}
      {spec && spec.field !== "followUpOn" && (
        <RadioGroup
          id="event-detail"
          label={t(`event.detailLabel.${spec.field}`)}
          required
          options={spec.options.map((value) => ({ value, label: t(`${spec.field}Options.${value}`) }))}
          value={detail}
          onChange={setDetail}
          error={errorOf("event-detail") ?? (apiErrors[spec.field] ? t(`event.detailRequired.${spec.field}`) : undefined)}
        />
      )}
      <TextArea
        id="event-note"
        label={t("event.note")}
        required={kind === "note"}
        hint={t("event.noteHint")}
        value={note}
        onChange={setNote}
        rows={3}
        confidential
        error={errorOf("event-note") ?? (apiErrors.note ? t("event.noteRequired") : undefined)}
      />
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--primary" aria-disabled={sending.busy || undefined}>
          <span className="hds-button__label">{t("event.submit")}</span>
        </button>
      </div>
    </form>
  );
}
