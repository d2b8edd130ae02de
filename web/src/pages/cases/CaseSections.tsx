import { useTranslation } from "react-i18next";
import type { Schemas } from "../../api/client";
import { ApiText, useApiLanguage } from "./ApiText";
import { formatDate, formatDateTime, formatDay } from "../../format";
import { MessageList } from "../MessageList";
import type { Labels, ReportTypes } from "./reportTypes";

type CaseFile = Schemas["CaseDetailResponse"];
type TimelineEntry = Schemas["TimelineEntryView"];

/** The overdue mark: words and a status label, never colour alone. */
export function OverdueLabel() {
  const { t } = useTranslation("cases");
  return <span className="hds-status-label hds-status-label--alert">{t("overdue")}</span>;
}

/** Open deadlines in order of time (overdue marked), then those already met. The API drops
 * a met deadline from `deadlines` and keeps only its key and time in `metDeadlines`. */
export function Deadlines({ file }: { file: CaseFile }) {
  const { t, i18n } = useTranslation("cases");
  const lang = useApiLanguage();
  const met = Object.entries(file.metDeadlines);
  if (file.deadlines.length === 0 && met.length === 0) return <p>{t("deadlines.none")}</p>;
  return (
    <ul className="deadline-list">
      {file.deadlines.map((deadline) => (
        <li key={deadline.key}>
          <ApiText lang={lang}>{deadline.label}</ApiText>: {formatDate(deadline.dueAt, i18n.language)} {deadline.overdue && <OverdueLabel />}
        </li>
      ))}
      {met.map(([key, at]) => (
        <li key={key}>
          {t(`deadlineKeys.${key}`, { defaultValue: key })}:{" "}
          <span className="hds-status-label hds-status-label--success">
            {t("deadlines.met", { date: formatDate(at, i18n.language) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The reporter's answers, labelled with the type's own questions and choices. */
export function Answers({ file, types }: { file: CaseFile; types: ReportTypes | null }) {
  const { t } = useTranslation("cases");
  const fields = types?.items.find((item) => item.key === file.type)?.fields ?? [];
  const entries = Object.entries(file.answers);
  if (entries.length === 0) return <p>{t("answers.none")}</p>;
  // The type's order first, then anything the type no longer asks.
  const ordered = [
    ...fields.filter((field) => field.key in file.answers).map((field) => field.key),
    ...entries.map(([key]) => key).filter((key) => !fields.some((field) => field.key === key)),
  ];
  return (
    <dl className="summary-list">
      {ordered.map((key) => {
        const field = fields.find((candidate) => candidate.key === key);
        const value = file.answers[key];
        const shown = field?.options.find((option) => option.value === value)?.label ?? value;
        return (
          <div key={key}>
            <dt>
              <ApiText lang={types?.language}>{field?.label ?? key}</ApiText>
            </dt>
            <dd className="case-text">{shown === value ? shown : <ApiText lang={types?.language}>{shown}</ApiText>}</dd>
          </div>
        );
      })}
    </dl>
  );
}

/** One timeline entry in words; state labels stay in the language they came in. */
function Describe({ entry, labels }: { entry: TimelineEntry; labels: Labels }) {
  const { t } = useTranslation("cases");
  const actor = entry.actor?.name ?? t("timeline.system");
  if (entry.kind === "transition") {
    return (
      <>
        {t("timeline.transition", { actor })}{" "}
        <ApiText lang={labels.lang}>{entry.fromState ? labels.state(entry.fromState) : "–"}</ApiText> →{" "}
        <ApiText lang={labels.lang}>{entry.toState ? labels.state(entry.toState) : "–"}</ApiText>
      </>
    );
  }
  if (entry.kind === "handover") return <>{t("timeline.handover", { actor, assignee: entry.assignee?.name ?? "–" })}</>;
  const kind = t(`eventKinds.${entry.kind}`, { defaultValue: entry.kind });
  const detail = entry.party
    ? t(`partyOptions.${entry.party}`)
    : entry.assessment
      ? t(`assessmentOptions.${entry.assessment}`)
      : entry.measure
        ? t(`measureOptions.${entry.measure}`)
        : null;
  return <>{t("timeline.event", { actor, kind: detail ? `${kind}: ${detail}` : kind })}</>;
}

/** What has happened in the case, oldest first: transitions, events and handovers. */
export function Timeline({ file, labels }: { file: CaseFile; labels: Labels }) {
  const { t, i18n } = useTranslation("cases");
  if (file.timeline.length === 0) return <p>{t("timeline.empty")}</p>;
  return (
    <ol className="timeline">
      {file.timeline.map((entry) => (
        <li key={entry.eventId}>
          <p className="timeline__when">{formatDateTime(entry.at, i18n.language)}</p>
          <p>
            <Describe entry={entry} labels={labels} />
          </p>
          {entry.followUpOn && <p>{t("timeline.followUpOn", { date: formatDay(entry.followUpOn, i18n.language) })}</p>}
          {entry.note && <p className="case-text timeline__note">{entry.note}</p>}
        </li>
      ))}
    </ol>
  );
}

/** The conversation with the reporter, oldest first. */
export function Messages({ file }: { file: CaseFile }) {
  const { t } = useTranslation("cases");
  return <MessageList messages={file.messages} authorLabel={(author) => t(`messages.author.${author}`)} empty={t("messages.empty")} />;
}
