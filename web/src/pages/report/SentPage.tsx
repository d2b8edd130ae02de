import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../layout/usePageTitle";
import type { ReportChannel } from "./reportChannel";
import { useClearSentDraft, useForgetOnLeave, useSent } from "./sentReport";

/** After a signed-in send: the reference and the way to the report. Nothing secret here,
 * so no warning before leaving; the memory of it goes when the page does. */
export function SentPage({ channel }: { channel: ReportChannel }) {
  const { t } = useTranslation("report");
  const sent = useSent(channel.draftKey);
  usePageTitle(t("sent.title"));
  useForgetOnLeave(channel.draftKey);
  useClearSentDraft(channel.draftKey, sent?.kind === "signedIn");
  if (sent?.kind !== "signedIn") {
    return (
      <>
        <h1>{t("sent.title")}</h1>
        <p>
          <Link to="/reports">{t("mine.title")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("sent.title")}</h1>
      <div className="hds-notification hds-notification--success" role="status">
        <div className="hds-notification-content">
          <p>{t("sent.text")}</p>
        </div>
      </div>
      <dl className="summary-list">
        <div>
          <dt>{t("receipt.reference")}</dt>
          <dd translate="no">{sent.reference}</dd>
        </div>
      </dl>
      <p>{t("sent.next")}</p>
      <div className="button-row">
        <Link className="hds-button hds-button--primary" to={`/reports/${sent.reportId}`}>
          <span className="hds-button__label">{t("sent.open")}</span>
        </Link>
        <Link className="hds-button hds-button--secondary" to="/reports">
          <span className="hds-button__label">{t("mine.title")}</span>
        </Link>
      </div>
    </>
  );
}
