import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, ApiFailure, unwrap } from "../../api/client";
import { formatDateTime } from "../../format";
import type { RoleChange } from "./staffApi";

type Decision = "confirm" | "reject";

const STATUS_STYLE: Record<string, string> = {
  pending: "hds-status-label--alert",
  confirmed: "hds-status-label--success",
  rejected: "hds-status-label--error",
  revoked: "hds-status-label--error",
};

interface Props {
  change: RoleChange;
  /** A decision went through: the list reloads and says what happened. */
  onDecided: (message: string) => void;
  /** The grant moved on meanwhile (decided, lapsed, withdrawn): the list reloads. */
  onStale: () => void;
}

export function GrantCard({ change, onDecided, onStale }: Props) {
  const { t, i18n } = useTranslation("admin");
  const [asking, setAsking] = useState<Decision | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const problemMessage = useRef<HTMLDivElement>(null);
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const role = t(`common:roles.${change.role}`);
  const headingId = `grant-${change.id}`;

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  // A refused decision closes its step (and its buttons): focus goes to why.
  useEffect(() => {
    if (problem) problemMessage.current?.focus();
  }, [problem]);

  async function decide(decision: Decision) {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const params = { params: { path: { grantId: change.id } } };
    try {
      await unwrap(
        decision === "confirm"
          ? api.POST("/staff/grants/{grantId}/confirmation", params)
          : api.POST("/staff/grants/{grantId}/rejection", params),
      );
      setAsking(null);
      onDecided(t(decision === "confirm" ? "grants.confirmed" : "grants.rejected", { name: change.name, role }));
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(0, null);
      const stale = failure.status === 409 || failure.status === 422 || failure.status === 404;
      setProblem(stale ? t("grants.stale") : t(failure.status === 403 ? "common:errors.forbidden" : "common:errors.server"));
      setAsking(null);
      if (stale) onStale();
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="grant-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="grant-card__title">
        {t(change.kind === "grant" ? "grants.grantTitle" : "grants.revocationTitle", { name: change.name, role })}
      </h2>
      <p>
        <span className={`hds-status-label ${STATUS_STYLE[change.status] ?? ""}`}>{t(`grants.status.${change.status}`)}</span>
      </p>
      <dl className="summary-list">
        <div>
          <dt>{t("grants.signedInAs")}</dt>
          <dd>
            {change.signedInAs
              ? t("grants.signedInAsValue", {
                  name: change.signedInAs.name ?? t("grants.unknown"),
                  email: change.signedInAs.email ?? t("grants.unknown"),
                  date: when(change.signedInAs.at),
                })
              : t("grants.neverSignedIn")}
          </dd>
        </div>
        <div>
          <dt>{t("grants.typedName")}</dt>
          <dd>{t("grants.typedNameValue", { name: change.name, userId: change.userId })}</dd>
        </div>
        <div>
          <dt>{t(change.kind === "grant" ? "grants.requested" : "grants.ended")}</dt>
          <dd>{t("grants.byOn", { who: change.requestedBy, date: when(change.requestedAt) })}</dd>
        </div>
        {change.status === "pending" && change.lapsesAt && (
          <div>
            <dt>{t("grants.lapses")}</dt>
            <dd>{when(change.lapsesAt)}</dd>
          </div>
        )}
        {change.kind === "grant" && change.decidedAt && (
          <div>
            <dt>{t("grants.decided")}</dt>
            <dd>{t("grants.byOn", { who: change.decidedBy ?? "–", date: when(change.decidedAt) })}</dd>
          </div>
        )}
      </dl>
      {problem && (
        <div ref={problemMessage} tabIndex={-1} className="hds-notification hds-notification--error" role="alert">
          <div className="hds-notification-content">
            <p>{problem}</p>
          </div>
        </div>
      )}
      {change.actions.length > 0 && !asking && (
        <div className="button-row">
          {change.actions.includes("confirm") && (
            <button type="button" className="hds-button hds-button--primary" onClick={() => setAsking("confirm")}>
              <span className="hds-button__label">{t("grants.confirm")}</span>
              <span className="visually-hidden">: {change.name}</span>
            </button>
          )}
          {change.actions.includes("reject") && (
            <button type="button" className="hds-button hds-button--secondary" onClick={() => setAsking("reject")}>
              <span className="hds-button__label">{t("grants.reject")}</span>
              <span className="visually-hidden">: {change.name}</span>
            </button>
          )}
        </div>
      )}
      {asking && (
        <div className="confirm-step">
          <p ref={question} tabIndex={-1} className="confirm-step__question">
            {t(asking === "confirm" ? "grants.confirmQuestion" : "grants.rejectQuestion", { name: change.name, role })}
          </p>
          <div className="button-row">
            <button
              type="button"
              className={`hds-button ${asking === "confirm" ? "hds-button--primary" : "hds-button--danger"}`}
              aria-disabled={busy}
              onClick={() => void decide(asking)}
            >
              <span className="hds-button__label">{t(asking === "confirm" ? "grants.confirmYes" : "grants.rejectYes")}</span>
            </button>
            <button type="button" className="hds-button hds-button--secondary" onClick={() => setAsking(null)}>
              <span className="hds-button__label">{t("common:form.cancel")}</span>
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
