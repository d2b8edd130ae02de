import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api, unwrap, type Schemas } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { hasRole, useSession } from "../../session/SessionProvider";
import { ApiText, useApiLanguage } from "./ApiText";
import { CaseActions } from "./CaseActions";
import { Answers, Deadlines, Messages, OverdueLabel, Timeline } from "./CaseSections";
import { EventForm } from "./EventForm";
import { formatDateTime } from "../../format";
import { HandoverForm } from "./HandoverForm";
import { MessageForm } from "./MessageForm";
import { labelsOf, useReportTypes } from "./reportTypes";
import "./cases.css";

type CaseFile = Schemas["CaseDetailResponse"];

/** Whether the caller may hand the case over: its assignee, or an overseer who is a safety
 * manager or HR director (the API's rule; the case file does not list handover as an action). */
function mayHandOver(file: CaseFile, me: ReturnType<typeof useSession>["me"]): boolean {
  if (file.closedAt) return false;
  return file.role === "assignee" || hasRole(me, "safety_manager", "hr_director");
}

export function CaseFilePage() {
  const { t } = useTranslation("cases");
  usePageTitle(t("file.pageTitle"));
  const { caseId = "" } = useParams();
  const [loaded, reload] = useApiData(
    () => unwrap(api.GET("/cases/{caseId}", { params: { path: { caseId } } })),
    [caseId],
  );
  if (loaded.state === "loading") {
    return (
      <>
        <h1>{t("file.pageTitle")}</h1>
        <Loading />
      </>
    );
  }
  if (loaded.state === "failed") {
    return (
      <>
        <h1>{t("file.pageTitle")}</h1>
        <ApiProblem failure={loaded.failure} />
        <p>
          <Link to="/cases">{t("file.backToInbox")}</Link>
        </p>
      </>
    );
  }
  return <CaseFileView file={loaded.data} reload={reload} />;
}

function CaseFileView({ file, reload }: { file: CaseFile; reload(): void }) {
  const { t, i18n } = useTranslation("cases");
  const { me } = useSession();
  const types = useReportTypes();
  const labels = labelsOf(types);
  // A round number, so the same message twice is announced (and focused) twice.
  const [notice, setNotice] = useState<{ text: ReactNode; round: number }>({ text: null, round: 0 });
  const lang = useApiLanguage();
  const noticeBox = useRef<HTMLDivElement>(null);

  // After an action: say what happened and start there, the form that was used is gone or empty.
  const done = useCallback(
    (message: ReactNode) => {
      setNotice((last) => ({ text: message, round: last.round + 1 }));
      reload();
    },
    [reload],
  );
  useEffect(() => {
    if (notice.text) noticeBox.current?.focus();
  }, [notice]);
  const conflict = useCallback(() => {
    setNotice((last) => ({ text: null, round: last.round }));
    reload();
  }, [reload]);

  const isAssignee = file.role === "assignee";
  const open = !file.closedAt;
  return (
    <div className="case-file">
      <p className="back-link">
        <Link to="/cases">{t("file.backToInbox")}</Link>
      </p>
      <h1>{t("file.title", { reference: file.reference })}</h1>
      <div role="status" aria-live="polite" className="case-notice">
        {notice.text && (
          <div key={notice.round} ref={noticeBox} tabIndex={-1} className="hds-notification hds-notification--success">
            <div className="hds-notification-content">
              <p>{notice.text}</p>
            </div>
          </div>
        )}
      </div>

      <section aria-labelledby="case-status-title">
        <h2 id="case-status-title">{t("file.status")}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t("columns.state")}</dt>
            <dd>
              <ApiText lang={lang}>{file.statusLabel}</ApiText> {file.overdue && <OverdueLabel />}
            </dd>
          </div>
          <div>
            <dt>{t("columns.type")}</dt>
            <dd>
              <ApiText lang={lang}>{file.typeLabel}</ApiText>
            </dd>
          </div>
          <div>
            <dt>{t("columns.received")}</dt>
            <dd>{formatDateTime(file.receivedAt, i18n.language)}</dd>
          </div>
          {file.unitId && (
            <div>
              <dt>{t("file.unit")}</dt>
              <dd>
                <ApiText lang={labels.lang}>{labels.unit(file.unitId)}</ApiText>
              </dd>
            </div>
          )}
          <div>
            <dt>{t("file.assignee")}</dt>
            <dd>{file.assignee?.name ?? t("file.noAssignee")}</dd>
          </div>
          <div>
            <dt>{t("file.reporter")}</dt>
            <dd>{file.anonymous ? t("file.anonymous") : t("file.named")}</dd>
          </div>
          {file.resolution && (
            <div>
              <dt>{t("file.resolution")}</dt>
              <dd>{t(`resolutions.${file.resolution}`, { defaultValue: file.resolution })}</dd>
            </div>
          )}
          <div>
            <dt>{t("file.deadlines")}</dt>
            <dd>
              <Deadlines file={file} />
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="case-actions-title">
        <h2 id="case-actions-title">{t("actions.title")}</h2>
        <CaseActions file={file} onDone={done} onConflict={conflict} />
      </section>

      <section aria-labelledby="case-answers-title">
        <h2 id="case-answers-title">{t("answers.title")}</h2>
        <Answers file={file} types={types} />
      </section>

      <section aria-labelledby="case-messages-title">
        <h2 id="case-messages-title">{t("messages.title")}</h2>
        <Messages file={file} />
        {isAssignee && open && <MessageForm caseId={file.caseId} onDone={done} onConflict={conflict} />}
      </section>

      <section aria-labelledby="case-timeline-title">
        <h2 id="case-timeline-title">{t("timeline.title")}</h2>
        <Timeline file={file} labels={labels} />
      </section>

      {file.events.length > 0 && (
        <section>
          <EventForm caseId={file.caseId} kinds={file.events} onDone={done} />
        </section>
      )}

      {mayHandOver(file, me) && (
        <section>
          <HandoverForm file={file} onDone={done} onConflict={conflict} />
        </section>
      )}

      <section aria-labelledby="case-audit-title">
        <h2 id="case-audit-title">{t("audit.title")}</h2>
        <p>
          <Link to={`/cases/${file.caseId}/audit`}>{t("audit.open")}</Link>
        </p>
      </section>
    </div>
  );
}
