import { api, unwrap } from "../../api/client";

/** The survey's API (issue 15), by its contract. The shapes are written out here until the
 * backend's OpenAPI document carries them; the calls go through the app's one client, so
 * they get its token, `no-store` and error handling. */

export type LocalisedText = Partial<Record<"fi" | "sv" | "en", string>>;
export type Dimension = "wellbeing" | "work_ability" | "social_support" | "competence" | "physical";
export type Instrument = "who5" | "was" | "osss3" | "own";
export type Band = "good" | "moderate" | "poor" | "very_poor" | "strong";
export type ScreeningAnswer = "yes" | "no" | "prefer_not_to_say";

export interface SurveyQuestion {
  id: string;
  text: LocalisedText;
  options: { value: number; label: LocalisedText }[];
}

export interface SurveyDimension {
  dimension: Dimension;
  instrument: Instrument;
  validated: boolean;
  title: LocalisedText;
  instructions: LocalisedText;
  source: string;
  questions: SurveyQuestion[];
}

export interface SurveyView {
  dimensions: SurveyDimension[];
  screening: { id: string; text: LocalisedText; options: { value: ScreeningAnswer; label: LocalisedText }[] };
  ownScaleNote: LocalisedText;
  occupationalHealthNote: LocalisedText;
}

export interface DimensionScore {
  dimension: Dimension;
  instrument: Instrument;
  validated: boolean;
  score: number;
  minimum: number;
  maximum: number;
  band: Band;
  explanation: LocalisedText;
  change: { previous: number; difference: number; meaningful: boolean | null } | null;
}

export interface Recommendation {
  serviceId: string;
  title: LocalisedText;
  category: string;
  format: "in_person" | "online" | "hybrid";
  place: string | null;
  nextSessionAt: string | null;
  reason: { dimension: Dimension; score: number; maximum: number; band: Band };
}

export interface SurveyHistoryItem {
  responseId: string;
  submittedAt: string;
  scores: DimensionScore[];
  occupationalHealth: boolean;
}

export interface SurveyResult extends SurveyHistoryItem {
  screeningYes: boolean;
  recommendations: Recommendation[];
}

export interface SurveyHistory {
  items: SurveyHistoryItem[];
  nextCursor: string | null;
}

export interface Recommendations {
  basedOn: { responseId: string; submittedAt: string } | null;
  items: Recommendation[];
}

export interface AggregateCell {
  group: string | null;
  respondents: number | null;
  means: Partial<Record<Dimension, number>> | null;
  suppressed: "small" | "complementary" | null;
}

export interface AggregatePeriod {
  period: string;
  startsOn: string;
  endsOn: string;
  total: AggregateCell;
  groups: AggregateCell[];
}

export interface Aggregates {
  periodLength: "month" | "quarter";
  minimumGroupSize: number;
  openPeriod: { period: string; startsOn: string; endsOn: string };
  periods: AggregatePeriod[];
}

export interface SurveyAnswers {
  answers: Record<string, number>;
  screening: ScreeningAnswer | null;
}

// The survey's paths are not yet in the generated schema: the same client, loosely typed.
type Loose = {
  GET(path: string, init?: unknown): Promise<{ data?: unknown; error?: unknown; response: Response }>;
  POST(path: string, init?: unknown): Promise<{ data?: unknown; error?: unknown; response: Response }>;
};
const client = api as unknown as Loose;

export const surveyApi = {
  survey: () => unwrap(client.GET("/survey")) as Promise<SurveyView>,
  send: (body: SurveyAnswers, idempotencyKey: string) =>
    unwrap(client.POST("/survey/responses", { params: { header: { "Idempotency-Key": idempotencyKey } }, body })) as Promise<SurveyResult>,
  mine: (cursor?: string | null) =>
    unwrap(client.GET("/survey/responses/mine", { params: { query: { limit: 50, ...(cursor ? { cursor } : {}) } } })) as Promise<SurveyHistory>,
  recommendations: () => unwrap(client.GET("/recommendations")) as Promise<Recommendations>,
  aggregates: () => unwrap(client.GET("/wellbeing/aggregates")) as Promise<Aggregates>,
};
