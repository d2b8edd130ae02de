import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { usePagedList } from "../usePagedList";
import { formatDateTime } from "../../format";
import "./cases.css";
import { LoadMore } from "../LoadMore";

const PAGE = 50;

/** Who read and did what in one case, and when (reading this is itself on the trail). */
export function AuditPage() {
  const { t, i18n } = useTranslation("cases");
  usePageTitle(t("audit.title"));
  const { caseId = "" } = useParams();
  const { list: first, loadingMore, moreFailure, loadMore } = usePagedList(
    (cursor) =>
      unwrap(api.GET("/cases/{caseId}/audit", { params: { path: { caseId }, query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })),
    [caseId],
  );

  const items = first.state === "ready" ? first.data.items : [];
  const cursor = first.state === "ready" ? first.data.nextCursor : null;

  return (
    <div className="audit">
      <p className="back-link">
        <Link to={`/cases/${caseId}`}>{t("audit.back")}</Link>
      </p>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      {first.state === "loading" && <Loading />}
      {first.state === "failed" && <ApiProblem failure={first.failure} />}
      {first.state === "ready" && (
        <>
          <div className="hds-table-container" tabIndex={0} role="region" aria-labelledby="audit-caption">
            <table className="hds-table hds-table--light">
              <caption id="audit-caption">{t("audit.caption")}</caption>
              <thead>
                <tr className="hds-table__header-row">
                  <th scope="col">{t("audit.at")}</th>
                  <th scope="col">{t("audit.actor")}</th>
                  <th scope="col">{t("audit.action")}</th>
                  <th scope="col">{t("audit.request")}</th>
                </tr>
              </thead>
              <tbody className="hds-table__content">
                {items.map((entry, index) => (
                  <tr key={`${entry.requestId}-${entry.action}-${index}`}>
                    <td>{formatDateTime(entry.at, i18n.language)}</td>
                    <td>{entry.actor?.name ?? t("timeline.system")}</td>
                    <td>{t(`auditActions.${entry.action.replace(".", "_")}`, { defaultValue: entry.action })}</td>
                    <td className="audit__request">{entry.requestId}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            more={!!cursor}
            busy={loadingMore}
            failure={moreFailure}
            onMore={loadMore}
            label={t("audit.more")}
          />
        </>
      )}
    </div>
  );
}
