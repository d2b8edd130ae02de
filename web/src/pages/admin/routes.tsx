import type { RouteObject } from "react-router";

/** The admin screens: pages anyone may open (`open`) and pages behind sign-in (`signedIn`). */
export const adminRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = { open: [], signedIn: [] };
