import type { RouteObject } from "react-router";

/** /tray, /tray/services/:serviceId, /tray/orders, /tray/orders/:orderId,
 * /tray/orders/incoming, /tray/proposals. Loaded on first use. The fixed
 * /tray/orders/incoming comes before /tray/orders/:orderId. */
export const orderingRoutes: RouteObject[] = [
  { path: "tray", lazy: async () => ({ Component: (await import("./BrowsePage")).BrowsePage }) },
  { path: "tray/services/:serviceId", lazy: async () => ({ Component: (await import("./ServicePage")).ServicePage }) },
  { path: "tray/orders", lazy: async () => ({ Component: (await import("./MyOrdersPage")).MyOrdersPage }) },
  { path: "tray/orders/incoming", lazy: async () => ({ Component: (await import("./IncomingPage")).IncomingPage }) },
  { path: "tray/orders/:orderId", lazy: async () => ({ Component: (await import("./OrderPage")).OrderPage }) },
  { path: "tray/proposals", lazy: async () => ({ Component: (await import("./ProposalsPage")).ProposalsPage }) },
];
