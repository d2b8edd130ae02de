import type { Aggregates, DimensionScore, SurveyHistoryItem, SurveyResult, SurveyView } from "./surveyApi";

const scale = (labels: string[], start = 0) => labels.map((label, index) => ({ value: start + index, label: { en: label } }));
const own = (fi: string, sv: string, en: string) => ({ fi, sv, en });

/** The survey as the API gives it: validated instruments in English only, our own items in
 * every language. Shortened to a question or two per dimension. */
export const SURVEY: SurveyView = {
  dimensions: [
    {
      dimension: "wellbeing",
      instrument: "who5",
      validated: true,
      title: { en: "WHO-5 Well-Being Index" },
      instructions: { en: "Please indicate for each of the statements which is closest to how you have been feeling over the last two weeks." },
      source: "WHO-5 © World Health Organization",
      questions: [
        { id: "who5_1", text: { en: "I have felt cheerful and in good spirits" }, options: scale(["At no time", "Some of the time", "All of the time"]) },
        { id: "who5_2", text: { en: "I have felt calm and relaxed" }, options: scale(["At no time", "Some of the time", "All of the time"]) },
      ],
    },
    {
      dimension: "work_ability",
      instrument: "was",
      validated: true,
      title: { en: "Work Ability Score" },
      instructions: { en: "Rate your current work ability." },
      source: "Work Ability Index, Ilmarinen",
      questions: [{ id: "was_1", text: { en: "Current work ability compared with your lifetime best" }, options: scale(["0", "5", "10"]) }],
    },
    {
      dimension: "social_support",
      instrument: "osss3",
      validated: true,
      title: { en: "Oslo Social Support Scale" },
      instructions: { en: "Think of the people close to you." },
      source: "OSSS-3, Dalgard",
      questions: [{ id: "osss3_1", text: { en: "How many people are so close to you that you can count on them?" }, options: scale(["None", "1–2", "3–5"], 1) }],
    },
    {
      dimension: "competence",
      instrument: "own",
      validated: false,
      title: own("Osaaminen", "Kunnande", "Competence"),
      instructions: own("Arvioi osaamistasi.", "Bedöm ditt kunnande.", "Rate your competence."),
      source: "Workwell",
      questions: [{ id: "own_competence_1", text: own("Osaan työni hyvin", "Jag kan mitt arbete", "I know my work well"), options: [1, 2, 3].map((value) => ({ value, label: own(`fi ${value}`, `sv ${value}`, `en ${value}`) })) }],
    },
    {
      dimension: "physical",
      instrument: "own",
      validated: false,
      title: own("Fyysinen hyvinvointi", "Fysiskt välmående", "Physical wellbeing"),
      instructions: own("Arvioi jaksamistasi.", "Bedöm din ork.", "Rate your energy."),
      source: "Workwell",
      questions: [{ id: "own_physical_1", text: own("Jaksan hyvin", "Jag orkar bra", "I have enough energy"), options: [1, 2, 3].map((value) => ({ value, label: own(`fi ${value}`, `sv ${value}`, `en ${value}`) })) }],
    },
  ],
  screening: {
    id: "screening_harassment",
    text: own("Oletko kokenut häirintää työssäsi?", "Har du upplevt trakasserier i arbetet?", "Have you experienced harassment at work?"),
    options: [
      { value: "yes", label: own("Kyllä", "Ja", "Yes") },
      { value: "no", label: own("Ei", "Nej", "No") },
      { value: "prefer_not_to_say", label: own("En halua sanoa", "Vill inte säga", "I prefer not to say") },
    ],
  },
  ownScaleNote: own("Omia kysymyksiämme, ei validoitu mittari.", "Våra egna frågor, inte en validerad skala.", "Our own questions, not a validated scale."),
  occupationalHealthNote: own("Ota yhteyttä työterveyteen.", "Kontakta företagshälsan.", "Contact occupational health."),
};

export function score(overrides: Partial<DimensionScore> = {}): DimensionScore {
  return {
    dimension: "wellbeing",
    instrument: "who5",
    validated: true,
    score: 44,
    minimum: 0,
    maximum: 100,
    band: "poor",
    explanation: { en: "A score below 50 suggests reduced wellbeing." },
    change: { previous: 60, difference: -16, meaningful: true },
    ...overrides,
  };
}

export const RECOMMENDATION = {
  serviceId: "vaala.0f0e0d0c0b0a49a8a7a6a5a4a3a2a1a0",
  title: { fi: "Vertaistukiryhmä" },
  category: "community" as const,
  format: "in_person" as const,
  place: "Vaalan kunnantalo",
  nextSessionAt: "2026-12-10T14:00:00Z",
  reason: { dimension: "social_support" as const, score: 7, maximum: 14, band: "poor" as const },
};

export function result(overrides: Partial<SurveyResult> = {}): SurveyResult {
  return {
    responseId: "r2",
    submittedAt: "2026-12-04T08:00:00Z",
    scores: [score(), score({ dimension: "social_support", instrument: "osss3", score: 7, minimum: 3, maximum: 14, band: "poor", change: null, explanation: { en: "Poor social support." } })],
    occupationalHealth: true,
    screeningYes: false,
    recommendations: [RECOMMENDATION],
    ...overrides,
  };
}

export function historyItem(responseId: string, submittedAt: string, wellbeing: number): SurveyHistoryItem {
  return { responseId, submittedAt, occupationalHealth: false, scores: [score({ score: wellbeing, change: null, band: wellbeing >= 50 ? "good" : "poor" })] };
}

export const AGGREGATES: Aggregates = {
  periodLength: "quarter",
  minimumGroupSize: 5,
  openPeriod: { period: "2026-Q4", startsOn: "2026-10-01", endsOn: "2026-12-31" },
  periods: [
    {
      period: "2026-Q3",
      startsOn: "2026-07-01",
      endsOn: "2026-09-30",
      total: { group: null, respondents: 23, means: { wellbeing: 58.4, social_support: 9.1 }, suppressed: null },
      groups: [
        { group: "varhaiskasvatus", respondents: 15, means: { wellbeing: 61.2, social_support: 9.5 }, suppressed: null },
        { group: "tekninen", respondents: null, means: null, suppressed: "small" },
        { group: "-", respondents: null, means: null, suppressed: "complementary" },
      ],
    },
  ],
};
