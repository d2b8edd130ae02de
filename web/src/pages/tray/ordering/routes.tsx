import type { RouteObject } from "react-router";

/** /tray, /tray/services/:serviceId, /tray/orders, /tray/orders/:orderId,
 * /tray/orders/incoming, /tray/proposals. */
export const orderingRoutes: RouteObject[] = [];
