import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { SurveyProblem } from "./SurveyProblem";
import { newDraft, stepPath, useSurveyDefinition, useSurveyDraft } from "./surveyState";
import "./survey.css";

/** /survey: what the survey is, whose the results are, how long it takes; start, or
 * continue where one left off (the answers wait in this tab's memory). */
export function SurveyIntroPage() {
  const { t } = useTranslation("survey");
  usePageTitle(t("intro.title"));
  const navigate = useNavigate();
  const [draft, setDraft, discard] = useSurveyDraft();
  const definition = useSurveyDefinition();
  const started = draft !== null && (Object.keys(draft.answers).length > 0 || draft.screening !== null || draft.reached > 1);

  const start = () => {
    setDraft(newDraft());
    navigate("/survey/step/1");
  };

  return (
    <div className="survey">
      <h1>{t("intro.title")}</h1>
      <p className="lead">{t("intro.lead")}</p>
      <h2>{t("intro.privacyTitle")}</h2>
      <ul>
        <li>{t("intro.yours")}</li>
        <li>{t("intro.groups")}</li>
        <li>{t("intro.nothingFiled")}</li>
      </ul>
      <h2>{t("intro.howTitle")}</h2>
      <ul>
        <li>{t("intro.duration")}</li>
        <li>{t("intro.pause")}</li>
        <li>{t("intro.validated")}</li>
      </ul>
      {definition.state === "loading" && <Loading />}
      {definition.state === "failed" && <SurveyProblem failure={definition.failure} />}
      {definition.state === "ready" && (
        <div className="button-row">
          {started ? (
            <>
              <Link className="hds-button hds-button--primary" to={stepPath(draft.reached, definition.data)}>
                <span className="hds-button__label">{t("intro.continue")}</span>
              </Link>
              <button
                type="button"
                className="hds-button hds-button--secondary"
                onClick={() => {
                  discard();
                  start();
                }}
              >
                <span className="hds-button__label">{t("intro.startAgain")}</span>
              </button>
            </>
          ) : (
            <button type="button" className="hds-button hds-button--primary" onClick={start}>
              <span className="hds-button__label">{t("intro.start")}</span>
            </button>
          )}
        </div>
      )}
      {started && <p>{t("intro.continueHint")}</p>}
      <p>
        <Link to="/survey/results">{t("intro.myResults")}</Link>
      </p>
    </div>
  );
}
