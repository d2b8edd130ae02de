import { useTranslation } from "react-i18next";
import { useApiData } from "../../api/useApiData";
import { formatDay } from "../../format";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { useSession } from "../../session/SessionProvider";
import { pickText } from "../tray/serviceText";
import { surveyApi, type AggregateCell, type AggregatePeriod, type Aggregates, type Dimension } from "./surveyApi";
import "./survey.css";

const DIMENSIONS: Dimension[] = ["wellbeing", "work_ability", "social_support", "competence", "physical"];
const NO_GROUP = "-";

/** /wellbeing/aggregates: the survey's group means per ended period, for the wellbeing
 * coordinator, the HR director and the tenant's administrator. A group smaller than the
 * minimum, or one that could be worked out from the others by subtraction, shows a dash
 * that says why; the open period is published only after it ends. */
export function AggregatesPage() {
  const { t } = useTranslation("survey");
  usePageTitle(t("aggregates.title"));
  const [loaded] = useApiData(() => surveyApi.aggregates(), []);
  return (
    <div className="survey survey-aggregates">
      <h1>{t("aggregates.title")}</h1>
      <p className="lead">{t("aggregates.lead")}</p>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "failed" &&
        (loaded.failure.status === 403 ? (
          <div className="hds-notification hds-notification--error" role="alert">
            <div className="hds-notification-content">
              <p>{t("aggregates.forbidden")}</p>
            </div>
          </div>
        ) : (
          <ApiProblem failure={loaded.failure} />
        ))}
      {loaded.state === "ready" && <AggregatesView data={loaded.data} />}
    </div>
  );
}

function useGroupName() {
  const { t, i18n } = useTranslation("survey");
  const { me } = useSession();
  const groups = me?.tenant.employeeGroups ?? [];
  return (group: string | null): { text: string; lang?: string } => {
    if (group === null) return { text: t("aggregates.wholeOrganisation") };
    if (group === NO_GROUP) return { text: t("aggregates.noGroup") };
    const found = groups.find((candidate) => candidate.id === group);
    if (!found) return { text: group };
    const picked = pickText(found.name, i18n.language);
    return { text: picked.text, lang: picked.lang === i18n.language ? undefined : picked.lang };
  };
}

function AggregatesView({ data }: { data: Aggregates }) {
  const { t, i18n } = useTranslation("survey");
  const open = data.openPeriod;
  const ended = [...data.periods].sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  return (
    <>
      <div className="hds-notification hds-notification--info survey-open-period">
        <div className="hds-notification-content">
          <p>
            {t("aggregates.openPeriod", {
              period: open.period,
              startsOn: formatDay(open.startsOn, i18n.language),
              endsOn: formatDay(open.endsOn, i18n.language),
            })}
          </p>
        </div>
      </div>
      <p>{t("aggregates.minimum", { count: data.minimumGroupSize })}</p>
      {ended.length === 0 && <p>{t("aggregates.noPeriods")}</p>}
      {ended.map((period) => (
        <PeriodView key={period.period} period={period} minimum={data.minimumGroupSize} />
      ))}
    </>
  );
}

const noteId = (period: string, kind: "small" | "complementary") => `aggregates-${period}-${kind}`;

function Mean({ cell, dimension, period }: { cell: AggregateCell; dimension: Dimension; period: string }) {
  const { t, i18n } = useTranslation("survey");
  const value = cell.means?.[dimension];
  if (cell.suppressed || value === undefined || value === null) {
    const kind = cell.suppressed ?? "small";
    return (
      <span className="survey-suppressed" aria-describedby={noteId(period, kind)}>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t(`aggregates.hidden.${kind}`)}</span>
      </span>
    );
  }
  return <>{formatMean(value, i18n.language)}</>;
}

function formatMean(value: number, language: string): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : `${language}-FI`, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);
}

function PeriodView({ period, minimum }: { period: AggregatePeriod; minimum: number }) {
  const { t, i18n } = useTranslation("survey");
  const groupName = useGroupName();
  const cells = [period.total, ...period.groups];
  const dimensions = DIMENSIONS.filter((dimension) => cells.some((cell) => cell.means?.[dimension] !== undefined));
  const kinds = (["small", "complementary"] as const).filter((kind) => cells.some((cell) => cell.suppressed === kind || (kind === "small" && !cell.suppressed && !cell.means)));
  const headingId = `aggregates-${period.period}`;
  const heading = (
    <h2 id={headingId}>
      {t("aggregates.period", {
        period: period.period,
        startsOn: formatDay(period.startsOn, i18n.language),
        endsOn: formatDay(period.endsOn, i18n.language),
      })}
    </h2>
  );
  if (period.total.respondents === 0) {
    return (
      <section aria-labelledby={headingId} className="survey-period">
        {heading}
        <p>{t("aggregates.noAnswers")}</p>
      </section>
    );
  }
  const Name = ({ group }: { group: string | null }) => {
    const name = groupName(group);
    return <span lang={name.lang}>{name.text}</span>;
  };
  return (
    <section aria-labelledby={headingId} className="survey-period">
      {heading}
      <div className="survey-charts">
        {dimensions.map((dimension) => {
          const shown = cells.filter((cell) => !cell.suppressed && typeof cell.means?.[dimension] === "number");
          const top = Math.max(...shown.map((cell) => cell.means![dimension]!), 0) || 1;
          return (
            <figure className="survey-chart survey-bars" key={dimension}>
              <figcaption>{t(`dimension.${dimension}`)}</figcaption>
              <ul className="survey-bars__list" aria-label={t("aggregates.chartLabel", { dimension: t(`dimension.${dimension}`) })}>
                {cells.map((cell) => {
                  const value = cell.suppressed ? undefined : cell.means?.[dimension];
                  return (
                    <li key={cell.group ?? "all"} className="survey-bars__row">
                      <span className="survey-bars__name">
                        <Name group={cell.group} />
                      </span>
                      <span className="survey-bars__track" aria-hidden="true">
                        {typeof value === "number" && <span className="survey-bars__bar" style={{ width: `${(value / top) * 100}%` }} />}
                      </span>
                      <span className="survey-bars__value">
                        {typeof value === "number" ? formatMean(value, i18n.language) : <Mean cell={cell} dimension={dimension} period={period.period} />}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </figure>
          );
        })}
      </div>
      <div className="hds-table-container survey-table" tabIndex={0} role="region" aria-labelledby={`${headingId}-caption`}>
        <table className="hds-table hds-table--light">
          <caption id={`${headingId}-caption`}>{t("aggregates.caption", { period: period.period })}</caption>
          <thead>
            <tr className="hds-table__header-row">
              <th scope="col">{t("aggregates.group")}</th>
              <th scope="col">{t("aggregates.respondents")}</th>
              {dimensions.map((dimension) => (
                <th scope="col" key={dimension}>
                  {t(`dimension.${dimension}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="hds-table__content">
            {cells.map((cell) => (
              <tr key={cell.group ?? "all"}>
                <th scope="row">
                  <Name group={cell.group} />
                </th>
                <td className="survey-number">
                  {cell.respondents === null ? <Mean cell={cell} dimension="wellbeing" period={period.period} /> : cell.respondents}
                </td>
                {dimensions.map((dimension) => (
                  <td key={dimension} className="survey-number">
                    <Mean cell={cell} dimension={dimension} period={period.period} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {kinds.map((kind) => (
        <p key={kind} id={noteId(period.period, kind)} className="survey-note">
          {t(`aggregates.note.${kind}`, { count: minimum })}
        </p>
      ))}
    </section>
  );
}
