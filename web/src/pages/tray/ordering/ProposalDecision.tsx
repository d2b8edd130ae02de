import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, unwrap } from "../../../api/client";
import { ErrorSummary, type FieldError } from "../../../forms/ErrorSummary";
import { TextArea } from "../../../forms/fields";
import { useFieldErrors } from "../../../forms/useFieldErrors";
import { apiFieldError, FormProblem } from "../../cases/FormProblem";
import { useSubmission } from "../../cases/useSubmission";
import type { ServiceView } from "../serviceText";

export const REASON_MAX = 1000;

/** A coordinator's approve / reject of one pending proposal (the service page and the
 * approvals list share it). Rejecting asks for the reason the proposer sees; a 409 keeps
 * the typed reason and loads the proposal again. */
export function ProposalDecision({
  service,
  onDone,
  onConflict,
  idPrefix = "decision",
}: {
  service: ServiceView;
  onDone(message: string): void;
  onConflict(): void;
  /** Unique on the page: the approvals list shows one per proposal. */
  idPrefix?: string;
}) {
  const { t } = useTranslation("tray");
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const { errors, attempt, check } = useFieldErrors();
  const sending = useSubmission(onConflict);
  const reasonId = `${idPrefix}-reason`;
  const reasonBox = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (rejecting) reasonBox.current?.querySelector("textarea")?.focus();
  }, [rejecting]);

  const decide = async (decision: "approve" | "reject") => {
    if (sending.busy) return;
    const body = {
      decision,
      expectedVersion: service.version,
      ...(decision === "reject" ? { reason: reason.trim() } : {}),
    };
    const ok = await sending.submit(body, () =>
      unwrap(api.POST("/services/{serviceId}/decision", { params: { path: { serviceId: service.serviceId } }, body })),
    );
    if (ok) onDone(t(decision === "approve" ? "decision.approved" : "decision.rejected"));
  };

  const reject = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!reason.trim()) found.push({ fieldId: reasonId, message: t("decision.reasonRequired") });
    else if (reason.length > REASON_MAX) found.push({ fieldId: reasonId, message: t("common:errors.tooLong", { max: REASON_MAX }) });
    if (!check(found)) return;
    await decide("reject");
  };

  const problem =
    sending.failure?.status === 409 ? (
      <div className="hds-notification hds-notification--error" role="alert">
        <div className="hds-notification-content">
          <p>{t("common:errors.conflict")}</p>
        </div>
      </div>
    ) : (
      <FormProblem failure={sending.failure} />
    );

  if (!rejecting) {
    return (
      <div className="tray-decision">
        {problem}
        <div className="button-row">
          <button
            type="button"
            className="hds-button hds-button--primary"
            aria-disabled={sending.busy || undefined}
            onClick={() => void decide("approve")}
          >
            <span className="hds-button__label">{t("decision.approve")}</span>
          </button>
          <button type="button" className="hds-button hds-button--secondary" onClick={() => setRejecting(true)}>
            <span className="hds-button__label">{t("decision.reject")}</span>
          </button>
        </div>
      </div>
    );
  }
  const fieldError = errors.find((error) => error.fieldId === reasonId)?.message;
  return (
    <form ref={reasonBox} className="tray-decision" onSubmit={reject} noValidate>
      <ErrorSummary errors={errors} attempt={attempt} id={`${idPrefix}-errors`} />
      {problem}
      <TextArea
        id={reasonId}
        label={t("decision.reason")}
        hint={t("decision.reasonHint")}
        required
        rows={3}
        value={reason}
        onChange={setReason}
        error={fieldError ?? apiFieldError(sending.failure, "reason", t("decision.reasonRequired"))}
      />
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--primary" aria-disabled={sending.busy || undefined}>
          <span className="hds-button__label">{t("decision.confirmReject")}</span>
        </button>
        <button type="button" className="hds-button hds-button--secondary" onClick={() => setRejecting(false)}>
          <span className="hds-button__label">{t("decision.cancel")}</span>
        </button>
      </div>
    </form>
  );
}
