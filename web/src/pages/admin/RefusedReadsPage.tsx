import { useTranslation } from "react-i18next";
import { api, unwrap } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { formatDay } from "../../format";
import "./admin.css";

/** Case reads the API answered "not found" to, per person and day: a sign that someone
 * may be looking for cases they have no part in. Never which case. */
export function RefusedReadsPage() {
  const { t, i18n } = useTranslation("admin");
  usePageTitle(t("refused.title"));
  const [loaded] = useApiData(() => unwrap(api.GET("/staff/refused-reads")), []);
  return (
    <>
      <h1>{t("refused.title")}</h1>
      <p className="lead">{t("refused.intro")}</p>
      <p>{t("refused.explain")}</p>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "failed" && <ApiProblem failure={loaded.failure} />}
      {loaded.state === "ready" && loaded.data.items.length === 0 && <p>{t("refused.empty")}</p>}
      {loaded.state === "ready" && loaded.data.items.length > 0 && (
        // Focusable and named, so a keyboard user can scroll it when it is wider than the screen.
        <div className="hds-table-container" tabIndex={0} role="region" aria-labelledby="refused-caption">
          <table className="hds-table hds-table--light">
            <caption id="refused-caption">{t("refused.caption")}</caption>
            <thead className="hds-table__header-row">
              <tr>
                <th scope="col">{t("refused.person")}</th>
                <th scope="col">{t("refused.day")}</th>
                <th scope="col" className="numeric">{t("refused.notFound")}</th>
                <th scope="col" className="numeric">{t("refused.refused")}</th>
              </tr>
            </thead>
            <tbody className="hds-table__content">
              {loaded.data.items.map((entry) => (
                <tr key={`${entry.userId} ${entry.day}`}>
                  <th scope="row">{entry.userId}</th>
                  <td>{formatDay(entry.day, i18n.language)}</td>
                  <td className="numeric">{entry.notFound}</td>
                  <td className="numeric">
                    {entry.refused === null ? (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t("refused.notToldApart")}</span>
                      </>
                    ) : (
                      entry.refused
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {loaded.state === "ready" && loaded.data.items.some((entry) => entry.refused === null) && (
        <p className="table-note">{t("refused.dashNote")}</p>
      )}
    </>
  );
}
