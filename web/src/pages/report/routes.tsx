import type { RouteObject } from "react-router";

/** The report screens: pages anyone may open (`open`) and pages behind sign-in (`signedIn`). */
export const reportRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = { open: [], signedIn: [] };
