import type { RouteObject } from "react-router";
import { lazyPage } from "../../pageTexts";

const directory = lazyPage(() => import("./StaffDirectoryPage"), (m) => m.StaffDirectoryPage);
const staffForm = lazyPage(() => import("./StaffFormPage"), (m) => m.StaffFormPage);

/** The admin screens, all behind sign-in, loaded on first use. The fixed paths come before
 * /staff/:userId; the API refuses those names as user ids. */
export const adminRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = {
  open: [],
  signedIn: [
    { path: "staff", lazy: directory },
    { path: "staff/new", lazy: staffForm },
    { path: "staff/grants", lazy: lazyPage(() => import("./GrantsPage"), (m) => m.GrantsPage) },
    {
      path: "staff/refused-reads",
      lazy: lazyPage(() => import("./RefusedReadsPage"), (m) => m.RefusedReadsPage),
    },
    { path: "staff/:userId", lazy: staffForm },
  ],
};
