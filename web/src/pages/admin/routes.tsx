import type { RouteObject } from "react-router";

const directory = async () => ({ Component: (await import("./StaffDirectoryPage")).StaffDirectoryPage });
const staffForm = async () => ({ Component: (await import("./StaffFormPage")).StaffFormPage });

/** The admin screens, all behind sign-in, loaded on first use. The fixed paths come before
 * /staff/:userId; the API refuses those names as user ids. */
export const adminRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = {
  open: [],
  signedIn: [
    { path: "staff", lazy: directory },
    { path: "staff/new", lazy: staffForm },
    { path: "staff/grants", lazy: async () => ({ Component: (await import("./GrantsPage")).GrantsPage }) },
    {
      path: "staff/refused-reads",
      lazy: async () => ({ Component: (await import("./RefusedReadsPage")).RefusedReadsPage }),
    },
    { path: "staff/:userId", lazy: staffForm },
  ],
};
