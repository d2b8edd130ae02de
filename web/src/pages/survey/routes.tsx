import type { RouteObject } from "react-router";
import { lazyPage } from "../../pageTexts";

/** The wellbeing survey's screens (issue 15), all behind sign-in and loaded on first use:
 * the introduction, one step per dimension and the screening question, checking the
 * answers, the person's own results, and the coordinator's group means. No answer ever
 * goes into a URL: the steps are numbered, the answers wait in memory. */
export const surveyRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = {
  open: [],
  signedIn: [
    { path: "survey", lazy: lazyPage(() => import("./SurveyIntroPage"), (m) => m.SurveyIntroPage) },
    { path: "survey/step/:number", lazy: lazyPage(() => import("./SurveyStepPage"), (m) => m.SurveyStepPage) },
    { path: "survey/check", lazy: lazyPage(() => import("./SurveyCheckPage"), (m) => m.SurveyCheckPage) },
    { path: "survey/results", lazy: lazyPage(() => import("./ResultsPage"), (m) => m.ResultsPage) },
    { path: "wellbeing/aggregates", lazy: lazyPage(() => import("./AggregatesPage"), (m) => m.AggregatesPage) },
  ],
};
