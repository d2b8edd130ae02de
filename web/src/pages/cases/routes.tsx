import type { RouteObject } from "react-router";

/** The cases screens: pages anyone may open (`open`) and pages behind sign-in (`signedIn`). */
export const casesRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = { open: [], signedIn: [] };
