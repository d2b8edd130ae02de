import { useTranslation } from "react-i18next";
import type { Schemas } from "../../api/client";
import { formatDateTime } from "../../format";
import { MessageList } from "../MessageList";
import { resolutionLabel } from "./reportDisplay";

type StatusChange = Schemas["StatusChangeView"];
type Message = Schemas["MessageView"];

/** Where the report stands and how it got there, newest last (as it happened). */
export function StatusHistory({ history, label }: { history: StatusChange[]; label: (status: string) => string }) {
  const { t, i18n } = useTranslation("report");
  return (
    <section aria-labelledby="status-history-title">
      <h2 id="status-history-title">{t("progress.historyTitle")}</h2>
      <ol className="status-history">
        {history.map((change, index) => (
          <li key={`${change.status}-${change.at}-${index}`}>
            <span className="status-history__status">{label(change.status)}</span>{" "}
            <time dateTime={change.at}>{formatDateTime(change.at, i18n.language)}</time>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function CurrentStatus({
  status,
  resolution,
  reference,
  receivedAt,
  label,
}: {
  status: string;
  resolution: string | null;
  reference: string;
  receivedAt: string;
  label: (status: string) => string;
}) {
  const { t, i18n } = useTranslation("report");
  return (
    <dl className="summary-list">
      <div>
        <dt>{t("receipt.reference")}</dt>
        <dd translate="no">{reference}</dd>
      </div>
      <div>
        <dt>{t("progress.status")}</dt>
        <dd>
          <span className="hds-status-label hds-status-label--info">{label(status)}</span>
        </dd>
      </div>
      {resolution && (
        <div>
          <dt>{t("progress.resolution")}</dt>
          <dd>{resolutionLabel(resolution, t)}</dd>
        </div>
      )}
      <div>
        <dt>{t("progress.received")}</dt>
        <dd>{formatDateTime(receivedAt, i18n.language)}</dd>
      </div>
    </dl>
  );
}

/** The conversation with the handler, oldest first. */
export function ReportMessages({ messages }: { messages: Message[] }) {
  const { t } = useTranslation("report");
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t("messages.title")}</h2>
      <MessageList messages={messages} authorLabel={(author) => t(`messages.author.${author}`)} empty={t("messages.none")} />
    </section>
  );
}
