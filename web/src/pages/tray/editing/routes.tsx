import type { RouteObject } from "react-router";
import { lazyPage } from "../../../pageTexts";

/** /tray/propose, /tray/my-services, /tray/services/:serviceId/edit, /tray/catalogue,
 * /tray/catalogue/new: all behind sign-in, loaded on first use. */
export const editingRoutes: RouteObject[] = [
  { path: "tray/propose", lazy: lazyPage(() => import("./ProposePage"), (m) => m.ProposePage) },
  { path: "tray/my-services", lazy: lazyPage(() => import("./MyServicesPage"), (m) => m.MyServicesPage) },
  {
    path: "tray/services/:serviceId/edit",
    lazy: lazyPage(() => import("./EditServicePage"), (m) => m.EditServicePage),
  },
  { path: "tray/catalogue", lazy: lazyPage(() => import("./CataloguePage"), (m) => m.CataloguePage) },
  { path: "tray/catalogue/new", lazy: lazyPage(() => import("./NewServicePage"), (m) => m.NewServicePage) },
];
