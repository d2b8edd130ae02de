import type { RouteObject } from "react-router";
import { lazyPage } from "../../../pageTexts";

/** /tray, /tray/services/:serviceId, /tray/orders, /tray/orders/:orderId,
 * /tray/orders/incoming, /tray/proposals. Loaded on first use. The fixed
 * /tray/orders/incoming comes before /tray/orders/:orderId. */
export const orderingRoutes: RouteObject[] = [
  { path: "tray", lazy: lazyPage(() => import("./BrowsePage"), (m) => m.BrowsePage) },
  { path: "tray/services/:serviceId", lazy: lazyPage(() => import("./ServicePage"), (m) => m.ServicePage) },
  { path: "tray/orders", lazy: lazyPage(() => import("./MyOrdersPage"), (m) => m.MyOrdersPage) },
  { path: "tray/orders/incoming", lazy: lazyPage(() => import("./IncomingPage"), (m) => m.IncomingPage) },
  { path: "tray/orders/:orderId", lazy: lazyPage(() => import("./OrderPage"), (m) => m.OrderPage) },
  { path: "tray/proposals", lazy: lazyPage(() => import("./ProposalsPage"), (m) => m.ProposalsPage) },
];
