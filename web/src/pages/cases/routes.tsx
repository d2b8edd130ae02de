import type { RouteObject } from "react-router";
import { AuditPage } from "./AuditPage";
import { CaseFilePage } from "./CaseFilePage";
import { InboxPage } from "./InboxPage";
import { StatsPage } from "./StatsPage";

/** The handler's screens, all behind sign-in. `/cases/{id}` is the link in a handler's email. */
export const casesRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = {
  open: [],
  signedIn: [
    { path: "cases", element: <InboxPage /> },
    { path: "cases/:caseId", element: <CaseFilePage /> },
    { path: "cases/:caseId/audit", element: <AuditPage /> },
    { path: "stats", element: <StatsPage /> },
  ],
};
