import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { usePageTitle } from "../../layout/usePageTitle";
import { LeaveDialog } from "./LeaveDialog";
import type { ReportChannel } from "./reportChannel";
import { forgetSent, useClearSentDraft, useForgetOnLeave, useSent } from "./sentReport";
import { useLeaveWarning } from "./useLeaveWarning";
import "./report.css";

function CopyButton({ text }: { text: string }) {
  const { t } = useTranslation("report");
  const [said, setSaid] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(t("receipt.copied"));
    } catch {
      setSaid(t("receipt.copyFailed"));
    }
  };
  return (
    <>
      <button type="button" className="hds-button hds-button--secondary" onClick={() => void copy()}>
        <span className="hds-button__label">{t("receipt.copy")}</span>
      </button>
      <p role="status" className="receipt-status">
        {said}
      </p>
    </>
  );
}

export function ReceiptPage({ channel, tenant }: { channel: ReportChannel; tenant: string }) {
  const { t } = useTranslation("report");
  const navigate = useNavigate();
  const sent = useSent(channel.draftKey);
  const receipt = useRef<HTMLDivElement>(null);
  const shown = sent?.kind === "anonymous";
  const { blocker, allow } = useLeaveWarning(receipt, shown);
  useForgetOnLeave(channel.draftKey);
  useClearSentDraft(channel.draftKey, shown);
  usePageTitle(t(shown ? "receipt.title" : "receipt.goneTitle"));

  if (!shown) {
    return (
      <>
        <h1>{t("receipt.goneTitle")}</h1>
        <p>{t("receipt.goneText")}</p>
        <p>
          <Link to={`/${tenant}/follow-up`}>{t("followUp.title")}</Link>
        </p>
      </>
    );
  }
  const leave = () => {
    allow();
    forgetSent(channel.draftKey);
    void navigate(`/${tenant}/follow-up`);
  };
  return (
    <div className="report-receipt-page">
      <h1>{t("receipt.title")}</h1>
      <div ref={receipt} className="receipt-printable">
        <p className="lead print-only">{t("receipt.printHeading")}</p>
        <div className="hds-notification hds-notification--alert receipt-warning">
          <div className="hds-notification-content">
            <h2 className="hds-notification__label">{t("receipt.warningTitle")}</h2>
            <p>{t("receipt.warningText")}</p>
          </div>
        </div>
        <h2 id="receipt-code-label">{t("receipt.codeLabel")}</h2>
        <p className="receipt-code" aria-labelledby="receipt-code-label" translate="no">
          {sent.receipt}
        </p>
        <dl className="summary-list">
          <div>
            <dt>{t("receipt.reference")}</dt>
            <dd translate="no">{sent.reference}</dd>
          </div>
          <div>
            <dt>{t("receipt.followUpAt")}</dt>
            <dd>{`${window.location.origin}/${tenant}/follow-up`}</dd>
          </div>
        </dl>
      </div>
      <div className="button-row no-print">
        <CopyButton text={sent.receipt} />
        <button type="button" className="hds-button hds-button--secondary" onClick={() => window.print()}>
          <span className="hds-button__label">{t("receipt.print")}</span>
        </button>
      </div>
      <p className="no-print">{t("receipt.next")}</p>
      <div className="button-row no-print">
        <button type="button" className="hds-button hds-button--primary" onClick={leave}>
          <span className="hds-button__label">{t("receipt.done")}</span>
        </button>
      </div>
      {blocker.state === "blocked" && (
        <LeaveDialog
          onLeave={() => {
            allow();
            forgetSent(channel.draftKey);
            blocker.proceed();
          }}
          onStay={() => blocker.reset()}
        />
      )}
    </div>
  );
}
