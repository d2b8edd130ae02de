import { useTranslation } from "react-i18next";
import { api, unwrap } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { ApiText } from "./ApiText";
import { labelsOf, useReportTypes } from "./reportTypes";
import { Count, StatsTable, SUPPRESSED_NOTE_ID } from "./StatsTable";
import "./cases.css";

/** The API's name for cases without a unit (never a unit id). */
const NO_UNIT = "<none>";

/** Case statistics for overseers: counts only, small numbers hidden by the API. */
export function StatsPage() {
  const { t, i18n } = useTranslation("cases");
  usePageTitle(t("stats.title"));
  const labels = labelsOf(useReportTypes());
  const [loaded] = useApiData(() => unwrap(api.GET("/stats/cases")), []);
  // Labels from the API may be in the tenant's language rather than the one shown.
  const unit = (key: string) => (key === NO_UNIT ? t("stats.noUnit") : <ApiText lang={labels.lang}>{labels.unit(key)}</ApiText>);
  const type = (key: string) => <ApiText lang={labels.lang}>{labels.type(key)}</ApiText>;
  const state = (key: string) => <ApiText lang={labels.lang}>{labels.state(key)}</ApiText>;
  const days = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <div className="stats">
      <h1>{t("stats.title")}</h1>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "failed" && <ApiProblem failure={loaded.failure} />}
      {loaded.state === "ready" && (
        <>
          <p className="lead">{t("stats.intro")}</p>
          <div className="hds-notification hds-notification--info stats-note">
            <div className="hds-notification-content">
              <p id={SUPPRESSED_NOTE_ID}>{t("stats.suppressedNote", { minimum: loaded.data.minimumCellSize })}</p>
            </div>
          </div>
          <h2>{t("stats.byUnitTitle")}</h2>
          <StatsTable
            id="stats-by-unit"
            caption={t("stats.byUnitCaption")}
            table={loaded.data.byUnitAndType}
            cornerLabel={t("file.unit")}
            rowLabel={unit}
            columnLabel={type}
          />
          <h2>{t("stats.byStateTitle")}</h2>
          <StatsTable
            id="stats-by-state"
            caption={t("stats.byStateCaption")}
            table={loaded.data.byTypeAndState}
            cornerLabel={t("columns.type")}
            rowLabel={type}
            columnLabel={state}
          />
          <h2>{t("stats.timingTitle")}</h2>
          <div className="hds-table-container" tabIndex={0} role="region" aria-labelledby="stats-timing-caption">
            <table className="hds-table hds-table--light">
              <caption id="stats-timing-caption">{t("stats.timingCaption")}</caption>
              <thead>
                <tr className="hds-table__header-row">
                  <th scope="col">{t("columns.type")}</th>
                  <th scope="col">{t("stats.deadline")}</th>
                  <th scope="col">{t("stats.medianDays")}</th>
                </tr>
              </thead>
              <tbody className="hds-table__content">
                {loaded.data.timeToMeetDeadlines.map((timing) => (
                  <tr key={`${timing.type}-${timing.deadline}`}>
                    <th scope="row">{type(timing.type)}</th>
                    <td>{t(`deadlineKeys.${timing.deadline}`, { defaultValue: timing.deadline })}</td>
                    <td className="stats-number">
                      {timing.medianDays === null ? <Count count={null} /> : days.format(timing.medianDays)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
