import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useApiData } from "../../api/useApiData";
import { formatDate, formatDateTime } from "../../format";
import { Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { HistoryChart } from "./HistoryChart";
import { ScreeningBridge } from "./ScreeningBridge";
import { surveyApi, type Dimension, type DimensionScore, type Recommendation, type SurveyHistoryItem } from "./surveyApi";
import { SurveyProblem } from "./SurveyProblem";
import { forgetAnswers, useSentResult, useSurveyDefinition } from "./surveyState";
import { SurveyText } from "./SurveyText";
import "./survey.css";

/** /survey/results: the person's own results (after sending: the API's answer, kept in
 * memory; otherwise the latest from their history), their history as charts and a table,
 * and services of the tray that may help, each with the reason in words. */
export function ResultsPage() {
  const { t } = useTranslation("survey");
  usePageTitle(t("results.title"));
  const [sent] = useSentResult();
  const justSent = !!(useLocation().state as { sent?: boolean } | null)?.sent && !!sent;
  useEffect(() => {
    if (justSent) forgetAnswers();
  }, [justSent]);
  const [history] = useApiData(() => surveyApi.mine(), [sent?.responseId ?? null]);
  const [recommended] = useApiData(
    () => (sent ? Promise.resolve({ basedOn: null, items: sent.recommendations }) : surveyApi.recommendations()),
    [sent?.responseId ?? null],
  );

  const items = history.state === "ready" ? history.data.items : [];
  const latest: SurveyHistoryItem | undefined = sent ?? items[0];

  return (
    <div className="survey">
      <h1>{t("results.title")}</h1>
      {justSent && (
        <div className="hds-notification hds-notification--success" role="status">
          <div className="hds-notification-content">
            <p>{t("results.sent")}</p>
          </div>
        </div>
      )}
      <p className="lead">{t("results.private")}</p>
      {history.state === "loading" && !sent && <Loading />}
      {history.state === "failed" && !sent && <SurveyProblem failure={history.failure} />}
      {latest ? (
        <LatestResult result={latest} showBridge={!!sent?.screeningYes && sent.responseId === latest.responseId} />
      ) : (
        history.state === "ready" && <p>{t("results.none")}</p>
      )}
      {recommended.state === "ready" && latest && <Recommendations items={recommended.data.items} />}
      {recommended.state === "failed" && <SurveyProblem failure={recommended.failure} />}
      {history.state === "ready" && items.length > 0 && <History items={items} />}
      <p>
        <Link to="/survey">{latest ? t("results.again") : t("results.take")}</Link>
      </p>
    </div>
  );
}

function LatestResult({ result, showBridge }: { result: SurveyHistoryItem; showBridge: boolean }) {
  const { t, i18n } = useTranslation("survey");
  const definition = useSurveyDefinition();
  return (
    <>
      <p>{t("results.answeredAt", { date: formatDateTime(result.submittedAt, i18n.language) })}</p>
      {showBridge && <ScreeningBridge />}
      {result.occupationalHealth && (
        <div className="hds-notification hds-notification--info survey-occupational-health">
          <div className="hds-notification-content">
            <h2 className="hds-notification__label">{t("results.occupationalHealthTitle")}</h2>
            <p>
              {definition.state === "ready" ? <SurveyText text={definition.data.occupationalHealthNote} /> : t("results.occupationalHealth")}
            </p>
          </div>
        </div>
      )}
      <ul className="survey-scores">
        {result.scores.map((score) => (
          <ScoreCard key={score.dimension} score={score} />
        ))}
      </ul>
    </>
  );
}

const BAND_LOOK: Record<DimensionScore["band"], string> = {
  strong: "hds-status-label--success",
  good: "hds-status-label--success",
  moderate: "hds-status-label--info",
  poor: "hds-status-label--alert",
  very_poor: "hds-status-label--alert",
};

function ScoreCard({ score }: { score: DimensionScore }) {
  const { t } = useTranslation("survey");
  const change = score.change;
  return (
    <li className="survey-score">
      <h2 className="survey-score__title">{t(`dimension.${score.dimension}`)}</h2>
      <p className="survey-score__value">
        <span className="survey-score__number">{t("results.score", { score: score.score, maximum: score.maximum })}</span>{" "}
        <span className={`hds-status-label ${BAND_LOOK[score.band]}`}>{t(`band.${score.band}`)}</span>
      </p>
      <p>
        <SurveyText text={score.explanation} />
      </p>
      <p className="survey-score__change">
        {change === null
          ? t("change.none")
          : change.difference > 0
            ? t("change.up", { difference: change.difference, previous: change.previous })
            : change.difference < 0
              ? t("change.down", { difference: -change.difference, previous: change.previous })
              : t("change.same", { previous: change.previous })}
        {change?.meaningful === true && <> {t("change.meaningful")}</>}
        {change?.meaningful === false && change.difference !== 0 && <> {t("change.notMeaningful")}</>}
      </p>
      <p className="survey-score__scale">
        {score.validated ? t("results.validated") : t("results.own")}
      </p>
    </li>
  );
}

export function Recommendations({ items }: { items: Recommendation[] }) {
  const { t, i18n } = useTranslation("survey");
  return (
    <section aria-labelledby="survey-recommendations" className="survey-recommendations">
      <h2 id="survey-recommendations">{t("recommendations.title")}</h2>
      {items.length === 0 ? (
        <p>{t("recommendations.none")}</p>
      ) : (
        <>
          <p>{t("recommendations.intro")}</p>
          <ul className="card-links">
            {items.map((item) => (
              <li key={item.serviceId}>
                <Link to={`/tray/services/${item.serviceId}`}>
                  <SurveyText text={item.title} />
                </Link>
                <p>
                  {t("recommendations.reason", {
                    dimension: t(`dimensionInReason.${item.reason.dimension}`),
                    score: item.reason.score,
                    maximum: item.reason.maximum,
                    band: t(`bandLower.${item.reason.band}`),
                  })}
                </p>
                <dl className="summary-list">
                  <div>
                    <dt>{t("recommendations.format")}</dt>
                    <dd>{t(`format.${item.format}`)}</dd>
                  </div>
                  {item.place && (
                    <div>
                      <dt>{t("recommendations.place")}</dt>
                      <dd>{item.place}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{t("recommendations.next")}</dt>
                    <dd>{item.nextSessionAt ? formatDateTime(item.nextSessionAt, i18n.language) : t("recommendations.onRequest")}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function History({ items }: { items: SurveyHistoryItem[] }) {
  const { t, i18n } = useTranslation("survey");
  const oldestFirst = [...items].reverse();
  const dimensions: Dimension[] = [];
  for (const item of oldestFirst) for (const score of item.scores) if (!dimensions.includes(score.dimension)) dimensions.push(score.dimension);
  const scale = (dimension: Dimension) => {
    const score = items.flatMap((item) => item.scores).find((candidate) => candidate.dimension === dimension);
    return { minimum: score?.minimum ?? 0, maximum: score?.maximum ?? 100 };
  };
  const scoreOf = (item: SurveyHistoryItem, dimension: Dimension) => item.scores.find((score) => score.dimension === dimension);
  return (
    <section aria-labelledby="survey-history" className="survey-history">
      <h2 id="survey-history">{t("history.title")}</h2>
      {items.length < 2 && <p>{t("history.first")}</p>}
      {items.length >= 2 && (
        <div className="survey-charts">
          {dimensions.map((dimension) => (
            <HistoryChart
              key={dimension}
              label={t(`dimension.${dimension}`)}
              {...scale(dimension)}
              points={oldestFirst.flatMap((item) => {
                const score = scoreOf(item, dimension);
                return score ? [{ at: item.submittedAt, score: score.score }] : [];
              })}
            />
          ))}
        </div>
      )}
      <div className="hds-table-container survey-table" tabIndex={0} role="region" aria-labelledby="survey-history-caption">
        <table className="hds-table hds-table--light">
          <caption id="survey-history-caption">{t("history.caption")}</caption>
          <thead>
            <tr className="hds-table__header-row">
              <th scope="col">{t("history.date")}</th>
              {dimensions.map((dimension) => (
                <th scope="col" key={dimension}>
                  {t(`dimension.${dimension}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="hds-table__content">
            {items.map((item) => (
              <tr key={item.responseId}>
                <th scope="row">{formatDate(item.submittedAt, i18n.language)}</th>
                {dimensions.map((dimension) => {
                  const score = scoreOf(item, dimension);
                  return (
                    <td key={dimension} className="survey-number">
                      {score ? t("results.score", { score: score.score, maximum: score.maximum }) : "–"}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
