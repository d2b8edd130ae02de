import type { RouteObject } from "react-router";
import { lazyPage } from "../../pageTexts";

/** The handler's screens, all behind sign-in. `/cases/{id}` is the link in a handler's email.
 * Loaded on first use: a reporter's first visit does not download them. */
export const casesRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = {
  open: [],
  signedIn: [
    { path: "cases", lazy: lazyPage(() => import("./InboxPage"), (m) => m.InboxPage) },
    { path: "cases/:caseId", lazy: lazyPage(() => import("./CaseFilePage"), (m) => m.CaseFilePage) },
    { path: "cases/:caseId/audit", lazy: lazyPage(() => import("./AuditPage"), (m) => m.AuditPage) },
    { path: "stats", lazy: lazyPage(() => import("./StatsPage"), (m) => m.StatsPage) },
  ],
};
