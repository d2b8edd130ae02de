import type { RouteObject } from "react-router";

/** The handler's screens, all behind sign-in. `/cases/{id}` is the link in a handler's email.
 * Loaded on first use: a reporter's first visit does not download them. */
export const casesRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = {
  open: [],
  signedIn: [
    { path: "cases", lazy: async () => ({ Component: (await import("./InboxPage")).InboxPage }) },
    { path: "cases/:caseId", lazy: async () => ({ Component: (await import("./CaseFilePage")).CaseFilePage }) },
    { path: "cases/:caseId/audit", lazy: async () => ({ Component: (await import("./AuditPage")).AuditPage }) },
    { path: "stats", lazy: async () => ({ Component: (await import("./StatsPage")).StatsPage }) },
  ],
};
