import { useEffect } from "react";
import { useApiData, type Loaded } from "../../api/useApiData";
import { readDraft, saveDraft, useDraft } from "../../session/drafts";
import { surveyApi, type ScreeningAnswer, type SurveyResult, type SurveyView } from "./surveyApi";

/** The survey's answers while they are being given, and the result of the last sending:
 * in this tab's memory only (`session/drafts`), never in storage, a URL or a title. They
 * stay while the session lasts, so a person can pause, look elsewhere and continue, and
 * are gone at sign-out, a quick exit or a reload. */
export interface SurveyDraft {
  answers: Record<string, number>;
  screening: ScreeningAnswer | null;
  /** The furthest step reached (1-based): "continue where you left off" goes there. */
  reached: number;
}

const DRAFT = "survey.answers";
const RESULT = "survey.result";
const DEFINITION = "survey.definition";

export const newDraft = (): SurveyDraft => ({ answers: {}, screening: null, reached: 1 });

export function useSurveyDraft() {
  return useDraft<SurveyDraft | null>(DRAFT, null);
}

/** The answer the API gave to the last sending in this session (with its recommendations). */
export function useSentResult() {
  return useDraft<SurveyResult | null>(RESULT, null);
}

/** The API's answer to a sending, kept for the results page. The answers themselves are
 * let go once that page shows (`forgetAnswers`), not before: the check page must not
 * redirect itself away while the results page loads. */
export function rememberSent(result: SurveyResult): void {
  saveDraft(RESULT, result);
}

export function forgetAnswers(): void {
  saveDraft(DRAFT, undefined);
}

/** The survey's questions, read once per session: the steps then show at once, with their
 * heading ready to take focus. */
export function useSurveyDefinition(): Loaded<SurveyView> {
  const cached = readDraft<SurveyView>(DEFINITION);
  const [loaded] = useApiData(() => (cached ? Promise.resolve(cached) : surveyApi.survey()), [!!cached]);
  useEffect(() => {
    if (!cached && loaded.state === "ready") saveDraft(DEFINITION, loaded.data);
  }, [cached, loaded]);
  return cached ? { state: "ready", data: cached } : loaded;
}

/** Steps: one per dimension, then the screening question, then checking the answers. */
export function stepCount(survey: SurveyView): number {
  return survey.dimensions.length + 2;
}

export function stepPath(step: number, survey: SurveyView): string {
  return step >= stepCount(survey) ? "/survey/check" : `/survey/step/${step}`;
}
