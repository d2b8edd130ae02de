import type { RouteObject } from "react-router";

/** /tray/propose, /tray/my-services, /tray/services/:serviceId/edit, /tray/catalogue,
 * /tray/catalogue/new: all behind sign-in, loaded on first use. */
export const editingRoutes: RouteObject[] = [
  { path: "tray/propose", lazy: async () => ({ Component: (await import("./ProposePage")).ProposePage }) },
  { path: "tray/my-services", lazy: async () => ({ Component: (await import("./MyServicesPage")).MyServicesPage }) },
  {
    path: "tray/services/:serviceId/edit",
    lazy: async () => ({ Component: (await import("./EditServicePage")).EditServicePage }),
  },
  { path: "tray/catalogue", lazy: async () => ({ Component: (await import("./CataloguePage")).CataloguePage }) },
  { path: "tray/catalogue/new", lazy: async () => ({ Component: (await import("./NewServicePage")).NewServicePage }) },
];
