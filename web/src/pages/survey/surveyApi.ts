import { api, unwrap, type Schemas } from "../../api/client";

/** The survey's API (issue 15): the generated schema's shapes, called through the app's
 * one client, so they get its token, `no-store` and error handling. */

type S = Schemas;

export type LocalisedText = Partial<Record<string, string>>;
export type Dimension = S["Dimension"];
export type Band = S["Band"];
export type ScreeningAnswer = "yes" | "no" | "prefer_not_to_say";
export type SurveyQuestion = S["SurveyQuestionView"];
export type SurveyDimension = S["SurveyDimensionView"];
export type SurveyView = S["SurveyView"];
export type DimensionScore = S["ScoreView"];
export type Recommendation = S["RecommendationView"];
export type SurveyHistoryItem = S["SurveyResponseSummary"];
export type SurveyResult = S["SurveyResult"];
export type SurveyHistory = S["SurveyResponseListResponse"];
export type Recommendations = S["RecommendationListResponse"];
export type AggregateCell = S["SurveyCellView"];
export type Aggregates = S["WellbeingAggregatesResponse"];
export type AggregatePeriod = Aggregates["periods"][number];

export interface SurveyAnswers {
  answers: Record<string, number>;
  screening: ScreeningAnswer | null;
}

export const surveyApi = {
  survey: () => unwrap(api.GET("/survey")),
  send: (body: SurveyAnswers, idempotencyKey: string) =>
    unwrap(api.POST("/survey/responses", { params: { header: { "Idempotency-Key": idempotencyKey } }, body })),
  mine: (cursor?: string | null) =>
    unwrap(api.GET("/survey/responses/mine", { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } })),
  recommendations: () => unwrap(api.GET("/recommendations")),
  aggregates: () => unwrap(api.GET("/wellbeing/aggregates")),
};
