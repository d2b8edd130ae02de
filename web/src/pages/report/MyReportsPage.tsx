import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { usePagedList } from "../usePagedList";
import { signedInChannel } from "./reportChannel";
import { formatDateTime } from "../../format";
import { statusLabel, typeLabel } from "./reportDisplay";
import "./report.css";
import { LoadMore } from "../LoadMore";

const PAGE = 25;

/** My own reports, newest first as the API gives them; more pages on request. */
export function MyReportsPage() {
  const { t, i18n } = useTranslation("report");
  usePageTitle(t("mine.title"));
  const {
    list: first,
    loadingMore,
    moreFailure: problem,
    loadMore,
  } = usePagedList((cursor) => unwrap(api.GET("/reports/mine", { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })), []);
  const [types] = useApiData(() => signedInChannel.loadTypes(i18n.language), [i18n.language]);
  const typeList = types.state === "ready" ? types.data : null;

  const body = () => {
    if (first.state === "loading") return <Loading />;
    if (first.state === "failed") return <ApiProblem failure={first.failure} />;
    const { items, nextCursor: cursor } = first.data;
    if (items.length === 0) {
      return (
        <>
          <p>{t("mine.none")}</p>
          <p>
            <Link to="/report">{t("mine.newReport")}</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <div className="hds-table-container" tabIndex={0} role="region" aria-labelledby="my-reports-caption">
          <table className="hds-table hds-table--light my-reports-table">
            <caption className="hds-table__caption" id="my-reports-caption">
              {t("mine.caption")}
            </caption>
            <thead>
              <tr className="hds-table__header-row">
                <th scope="col">{t("receipt.reference")}</th>
                <th scope="col">{t("type.label")}</th>
                <th scope="col">{t("progress.status")}</th>
                <th scope="col">{t("progress.received")}</th>
                <th scope="col">{t("progress.updated")}</th>
              </tr>
            </thead>
            <tbody className="hds-table__content">
              {items.map((item) => (
                <tr key={item.reportId}>
                  <td>
                    <Link to={`/reports/${item.reportId}`} translate="no">
                      {item.reference}
                    </Link>
                  </td>
                  <td>{typeLabel(item.type, typeList)}</td>
                  <td>{statusLabel(item.status, typeList, item.type, t)}</td>
                  <td>{formatDateTime(item.receivedAt, i18n.language)}</td>
                  <td>{formatDateTime(item.updatedAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore
          more={!!cursor}
          busy={loadingMore}
          failure={problem}
          onMore={loadMore}
          label={t("mine.more")}
        />
        <p role="status">{loadingMore ? t("common:loading") : ""}</p>
      </>
    );
  };
  return (
    <>
      <h1>{t("mine.title")}</h1>
      {body()}
    </>
  );
}
