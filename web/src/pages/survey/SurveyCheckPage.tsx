import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate } from "react-router";
import { ErrorSummary, type FieldError } from "../../forms/ErrorSummary";
import { useFieldErrors } from "../../forms/useFieldErrors";
import { Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { FormProblem } from "../cases/FormProblem";
import { useSubmission } from "../cases/useSubmission";
import { ScreeningBridge } from "./ScreeningBridge";
import { surveyApi, type SurveyAnswers, type SurveyView } from "./surveyApi";
import { SurveyProblem } from "./SurveyProblem";
import { rememberSent, stepCount, stepPath, useSurveyDefinition, useSurveyDraft, type SurveyDraft } from "./surveyState";
import { StepProgress } from "./SurveyStepPage";
import { SurveyText } from "./SurveyText";
import "./survey.css";

const changeId = (questionId: string) => `change-${questionId}`;
const NOOP = () => undefined;

/** /survey/check: every answer with a way to change it (GOV.UK's check answers), then Send.
 * Nothing is sent before this; one Idempotency-Key per set of answers, kept on a retry. */
export function SurveyCheckPage() {
  const { t } = useTranslation("survey");
  usePageTitle(t("check.title"));
  const definition = useSurveyDefinition();
  const [draft] = useSurveyDraft();
  if (!draft) return <Navigate to="/survey" replace />;
  if (definition.state === "loading") return <Loading />;
  if (definition.state === "failed") return <SurveyProblem failure={definition.failure} />;
  const survey = definition.data;
  if (draft.reached < stepCount(survey)) return <Navigate to={stepPath(draft.reached, survey)} replace />;
  return <CheckAnswers survey={survey} draft={draft} />;
}

/** What the API says is missing or wrong, as links to the answer's Change link. */
function apiErrors(fields: Record<string, string>, survey: SurveyView, message: (step: number, number: number) => string): FieldError[] {
  const found: FieldError[] = [];
  survey.dimensions.forEach((dimension, dimensionIndex) =>
    dimension.questions.forEach((question, index) => {
      if (`answers.${question.id}` in fields) found.push({ fieldId: changeId(question.id), message: message(dimensionIndex + 1, index + 1) });
    }),
  );
  return found;
}

function CheckAnswers({ survey, draft }: { survey: SurveyView; draft: SurveyDraft }) {
  const { t } = useTranslation("survey");
  const { t: common } = useTranslation();
  const navigate = useNavigate();
  const sending = useSubmission(NOOP);
  const { errors, attempt, check } = useFieldErrors();
  const step = stepCount(survey);
  const screeningStep = survey.dimensions.length + 1;

  const missing = (): FieldError[] =>
    survey.dimensions.flatMap((dimension, dimensionIndex) =>
      dimension.questions
        .map((question, index) => ({ question, index }))
        .filter(({ question }) => draft.answers[question.id] === undefined)
        .map(({ question, index }) => ({
          fieldId: changeId(question.id),
          message: t("check.missing", { step: dimensionIndex + 1, number: index + 1 }),
        })),
    );

  const send = async () => {
    if (sending.busy) return;
    if (!check(missing())) return;
    const body: SurveyAnswers = {
      answers: Object.fromEntries(
        survey.dimensions.flatMap((dimension) => dimension.questions.map((question) => [question.id, draft.answers[question.id]!])),
      ),
      screening: draft.screening,
    };
    let result = null as Awaited<ReturnType<typeof surveyApi.send>> | null;
    const ok = await sending.submit(body, async (key) => {
      result = await surveyApi.send(body, key);
    });
    if (ok && result) {
      rememberSent(result);
      navigate("/survey/results", { state: { sent: true } });
      return;
    }
    // The API's own field errors (422) as links to the answers concerned.
  };

  const fromApi = sending.failure ? apiErrors(sending.failure.fieldErrors(), survey, (s, n) => t("check.missing", { step: s, number: n })) : [];
  const shown = errors.length > 0 ? errors : fromApi;
  const screeningLabel = survey.screening.options.find((option) => option.value === draft.screening)?.label;

  return (
    <div className="survey">
      <StepProgress step={step} count={step} />
      <h1>{t("check.title")}</h1>
      <ErrorSummary errors={shown} attempt={attempt} />
      {fromApi.length === 0 && <FormProblem failure={sending.failure} />}
      <p>{t("check.intro")}</p>
      {survey.dimensions.map((dimension, dimensionIndex) => (
        <section key={dimension.dimension} aria-labelledby={`check-${dimension.dimension}`}>
          <h2 id={`check-${dimension.dimension}`}>
            <SurveyText text={dimension.title} />
          </h2>
          <dl className="summary-list survey-summary">
            {dimension.questions.map((question, index) => {
              const value = draft.answers[question.id];
              const label = question.options.find((option) => option.value === value)?.label;
              return (
                <div key={question.id}>
                  <dt>
                    <span className="survey-question__number">{t("step.questionNumber", { number: index + 1, count: dimension.questions.length })} </span>
                    <SurveyText text={question.text} />
                  </dt>
                  <dd>{label ? <SurveyText text={label} /> : <span className="survey-not-answered">{t("check.notAnswered")}</span>}</dd>
                  <dd className="summary-list__action">
                    <Link id={changeId(question.id)} to={stepPath(dimensionIndex + 1, survey)}>
                      {common("form.change")}
                      <span className="visually-hidden"> {t("check.changeWhat", { step: dimensionIndex + 1, number: index + 1 })}</span>
                    </Link>
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
      <section aria-labelledby="check-screening">
        <h2 id="check-screening">{t("screening.title")}</h2>
        <dl className="summary-list survey-summary">
          <div>
            <dt>
              <SurveyText text={survey.screening.text} />
            </dt>
            <dd>{screeningLabel ? <SurveyText text={screeningLabel} /> : <span className="survey-not-answered">{t("check.notAnswered")}</span>}</dd>
            <dd className="summary-list__action">
              <Link to={stepPath(screeningStep, survey)}>
                {common("form.change")}
                <span className="visually-hidden"> {t("screening.title")}</span>
              </Link>
            </dd>
          </div>
        </dl>
      </section>
      {draft.screening === "yes" && <ScreeningBridge />}
      <p>{t("check.beforeSend")}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <div className="button-row">
          <button type="submit" className="hds-button hds-button--primary" aria-disabled={sending.busy || undefined}>
            <span className="hds-button__label">{t("check.send")}</span>
          </button>
          <Link className="hds-button hds-button--secondary" to={stepPath(screeningStep, survey)}>
            <span className="hds-button__label">{t("step.back")}</span>
          </Link>
        </div>
      </form>
      <p>
        <Link to="/survey">{t("step.pause")}</Link>
      </p>
    </div>
  );
}
