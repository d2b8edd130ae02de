import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api, ApiFailure, unwrap } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { CurrentStatus, ReportMessages, StatusHistory } from "./CaseProgress";
import { ReplyBox } from "./ReplyBox";
import { signedInChannel } from "./reportChannel";
import { statusLabel, typeLabel } from "./reportDisplay";
import "./report.css";

const REPORT_ID = /^[0-9a-f]{32}$/;

/** One of my reports: where it stands, what I wrote, the messages, and a reply box. The
 * title names the screen only (a reference or an answer never goes into a title). */
export function MyReportPage() {
  const { reportId = "" } = useParams();
  const { t, i18n } = useTranslation("report");
  usePageTitle(t("one.title"));
  const [report, reload] = useApiData(
    () =>
      REPORT_ID.test(reportId)
        ? unwrap(api.GET("/reports/{reportId}", { params: { path: { reportId } } }))
        : Promise.reject(new ApiFailure(404, null)),
    [reportId],
  );
  const [types] = useApiData(() => signedInChannel.loadTypes(i18n.language), [i18n.language]);
  const typeList = types.state === "ready" ? types.data : null;

  const body = () => {
    if (report.state === "loading") return <Loading />;
    if (report.state === "failed") return <ApiProblem failure={report.failure} />;
    const data = report.data;
    const type = typeList?.items.find((item) => item.key === data.type);
    const label = (status: string) => statusLabel(status, typeList, data.type, t);
    // Answers in the order the type asks them; any the type no longer asks come last.
    const keys = [...(type?.fields.map((f) => f.key) ?? []), ...Object.keys(data.answers)].filter(
      (key, index, all) => key in data.answers && all.indexOf(key) === index,
    );
    const answerLabel = (key: string) => type?.fields.find((f) => f.key === key)?.label ?? key;
    const answerText = (key: string) => {
      const field = type?.fields.find((f) => f.key === key);
      const value = data.answers[key] ?? "";
      return field?.kind === "choice" ? (field.options.find((o) => o.value === value)?.label ?? value) : value;
    };
    return (
      <>
        <p className="lead">{typeLabel(data.type, typeList)}</p>
        <CurrentStatus status={data.status} resolution={data.resolution} reference={data.reference} receivedAt={data.receivedAt} label={label} />
        <StatusHistory history={data.statusHistory} label={label} />
        <ReportMessages messages={data.messages} />
        <ReplyBox
          send={(body, key) =>
            unwrap(
              api.POST("/reports/{reportId}/messages", {
                params: { path: { reportId }, header: { "Idempotency-Key": key } },
                body: { body },
              }),
            )
          }
          onSent={reload}
          draftKey={`reply:${reportId}`}
        />
        <section aria-labelledby="answers-title">
          <h2 id="answers-title">{t("one.answersTitle")}</h2>
          <dl className="summary-list report-summary">
            {keys.map((key) => (
              <div key={key}>
                <dt>{answerLabel(key)}</dt>
                <dd>{answerText(key)}</dd>
              </div>
            ))}
          </dl>
        </section>
      </>
    );
  };
  return (
    <>
      <p>
        <Link to="/reports">{t("one.back")}</Link>
      </p>
      <h1>{t("one.title")}</h1>
      {body()}
    </>
  );
}
