import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { useFieldErrors } from "../../forms/useFieldErrors";
import { Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { NotFoundPage } from "../NotFoundPage";
import { ChoiceFieldset } from "./ChoiceFieldset";
import { ScreeningBridge } from "./ScreeningBridge";
import type { ScreeningAnswer, SurveyDimension, SurveyView } from "./surveyApi";
import { SurveyProblem } from "./SurveyProblem";
import { stepCount, stepPath, useSurveyDefinition, useSurveyDraft, type SurveyDraft } from "./surveyState";
import { SurveyText } from "./SurveyText";
import "./survey.css";

export const questionFieldId = (questionId: string) => `q-${questionId}`;
export const SCREENING_FIELD = "q-screening";

/** "Step 2 of 7", said in words and shown as a progress bar. */
export function StepProgress({ step, count }: { step: number; count: number }) {
  const { t } = useTranslation("survey");
  return (
    <div className="survey-progress">
      <p id="survey-progress-label" className="survey-progress__label">
        {t("step.of", { number: step, count })}
      </p>
      <progress max={count} value={step} aria-labelledby="survey-progress-label" />
    </div>
  );
}

/** /survey/step/:number: one dimension's questions per step, then the screening question.
 * Answers go to memory on every change, so pausing loses nothing; Continue checks the step. */
export function SurveyStepPage() {
  const { t } = useTranslation("survey");
  const definition = useSurveyDefinition();
  const [draft] = useSurveyDraft();
  const step = Number(useParams().number);
  usePageTitle(t("step.pageTitle"));
  if (!draft) return <Navigate to="/survey" replace />;
  if (definition.state === "loading") return <Loading />;
  if (definition.state === "failed") return <SurveyProblem failure={definition.failure} />;
  const survey = definition.data;
  if (!Number.isInteger(step) || step < 1 || step >= stepCount(survey)) return <NotFoundPage />;
  if (step > draft.reached) return <Navigate to={stepPath(draft.reached, survey)} replace />;
  const dimension = survey.dimensions[step - 1];
  return dimension ? (
    <DimensionStep key={step} survey={survey} dimension={dimension} step={step} draft={draft} />
  ) : (
    <ScreeningStep survey={survey} step={step} draft={draft} />
  );
}

function StepButtons({ step, survey }: { step: number; survey: SurveyView }) {
  const { t } = useTranslation("survey");
  return (
    <>
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--primary">
          <span className="hds-button__label">{t("step.continue")}</span>
        </button>
        <Link className="hds-button hds-button--secondary" to={step === 1 ? "/survey" : stepPath(step - 1, survey)}>
          <span className="hds-button__label">{t("step.back")}</span>
        </Link>
      </div>
      <p>
        <Link to="/survey">{t("step.pause")}</Link>
      </p>
    </>
  );
}

function useAdvance(step: number, survey: SurveyView) {
  const navigate = useNavigate();
  const [draft, setDraft] = useSurveyDraft();
  return (changes: Partial<SurveyDraft> = {}) => {
    const current = draft ?? { answers: {}, screening: null, reached: 1 };
    setDraft({ ...current, ...changes, reached: Math.max(current.reached, step + 1) });
    navigate(stepPath(step + 1, survey));
  };
}

function DimensionStep({ survey, dimension, step, draft }: { survey: SurveyView; dimension: SurveyDimension; step: number; draft: SurveyDraft }) {
  const { t } = useTranslation("survey");
  const [, setDraft] = useSurveyDraft();
  const { errors, attempt, check } = useFieldErrors();
  const advance = useAdvance(step, survey);
  const missing = (answers: Record<string, number>) =>
    dimension.questions
      .map((question, index) => ({ question, index }))
      .filter(({ question }) => answers[question.id] === undefined)
      .map(({ question, index }) => ({ fieldId: questionFieldId(question.id), message: t("step.missing", { number: index + 1 }) }));

  const answer = (questionId: string, value: number) => {
    const answers = { ...draft.answers, [questionId]: value };
    // The summary stays as it was until the next Continue (it would take focus again);
    // the question's own message goes as soon as it is answered.
    setDraft({ ...draft, answers });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check(missing(draft.answers))) advance();
  };

  const errorFor = (questionId: string) =>
    draft.answers[questionId] === undefined ? errors.find((error) => error.fieldId === questionFieldId(questionId))?.message : undefined;

  return (
    <div className="survey">
      <StepProgress step={step} count={stepCount(survey)} />
      <h1>
        <SurveyText text={dimension.title} />
      </h1>
      <ErrorSummary errors={errors} attempt={attempt} />
      {dimension.validated ? (
        <p className="survey-source">{t("step.source", { source: dimension.source })}</p>
      ) : (
        <div className="hds-notification hds-notification--info survey-own-note">
          <div className="hds-notification-content">
            <p>
              <SurveyText text={survey.ownScaleNote} />
            </p>
          </div>
        </div>
      )}
      <p className="survey-instructions">
        <SurveyText text={dimension.instructions} />
      </p>
      <form noValidate onSubmit={submit}>
        {dimension.questions.map((question, index) => (
          <ChoiceFieldset
            key={question.id}
            id={questionFieldId(question.id)}
            legend={
              <>
                <span className="survey-question__number">{t("step.questionNumber", { number: index + 1, count: dimension.questions.length })} </span>
                <SurveyText text={question.text} />
              </>
            }
            choices={question.options.map((option) => ({ value: String(option.value), label: <SurveyText text={option.label} /> }))}
            value={draft.answers[question.id] === undefined ? "" : String(draft.answers[question.id])}
            onChange={(value) => answer(question.id, Number(value))}
            error={errorFor(question.id)}
          />
        ))}
        <StepButtons step={step} survey={survey} />
      </form>
    </div>
  );
}

function ScreeningStep({ survey, step, draft }: { survey: SurveyView; step: number; draft: SurveyDraft }) {
  const { t } = useTranslation("survey");
  const [, setDraft] = useSurveyDraft();
  const advance = useAdvance(step, survey);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    advance();
  };
  return (
    <div className="survey">
      <StepProgress step={step} count={stepCount(survey)} />
      <h1>{t("screening.title")}</h1>
      <p>{t("screening.intro")}</p>
      <form noValidate onSubmit={submit}>
        <ChoiceFieldset
          id={SCREENING_FIELD}
          legend={<SurveyText text={survey.screening.text} />}
          optional={t("screening.optional")}
          choices={survey.screening.options.map((option) => ({ value: option.value, label: <SurveyText text={option.label} /> }))}
          value={draft.screening ?? ""}
          onChange={(value) => setDraft({ ...draft, screening: value as ScreeningAnswer })}
        />
        <div aria-live="polite">{draft.screening === "yes" && <ScreeningBridge />}</div>
        <StepButtons step={step} survey={survey} />
      </form>
    </div>
  );
}
