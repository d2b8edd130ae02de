import type { RouteObject } from "react-router";
import { GrantsPage } from "./GrantsPage";
import { RefusedReadsPage } from "./RefusedReadsPage";
import { StaffDirectoryPage } from "./StaffDirectoryPage";
import { StaffFormPage } from "./StaffFormPage";

/** The admin screens: pages anyone may open (`open`) and pages behind sign-in (`signedIn`).
 * The fixed paths come before /staff/:userId; the API refuses those names as user ids. */
export const adminRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = {
  open: [],
  signedIn: [
    { path: "staff", element: <StaffDirectoryPage /> },
    { path: "staff/new", element: <StaffFormPage /> },
    { path: "staff/grants", element: <GrantsPage /> },
    { path: "staff/refused-reads", element: <RefusedReadsPage /> },
    { path: "staff/:userId", element: <StaffFormPage /> },
  ],
};
