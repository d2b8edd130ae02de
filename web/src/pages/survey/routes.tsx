import type { RouteObject } from "react-router";

/** The wellbeing survey's screens (issue 15), all behind sign-in and loaded on first use:
 * the introduction, one step per dimension and the screening question, checking the
 * answers, the person's own results, and the coordinator's group means. No answer ever
 * goes into a URL: the steps are numbered, the answers wait in memory. */
export const surveyRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = {
  open: [],
  signedIn: [
    { path: "survey", lazy: async () => ({ Component: (await import("./SurveyIntroPage")).SurveyIntroPage }) },
    { path: "survey/step/:number", lazy: async () => ({ Component: (await import("./SurveyStepPage")).SurveyStepPage }) },
    { path: "survey/check", lazy: async () => ({ Component: (await import("./SurveyCheckPage")).SurveyCheckPage }) },
    { path: "survey/results", lazy: async () => ({ Component: (await import("./ResultsPage")).ResultsPage }) },
    { path: "wellbeing/aggregates", lazy: async () => ({ Component: (await import("./AggregatesPage")).AggregatesPage }) },
  ],
};
