import type { RouteObject } from "react-router";
import { editingRoutes } from "./editing/routes";
import { orderingRoutes } from "./ordering/routes";

/** The service tray's screens, all behind sign-in and loaded on first use. Browsing,
 * services, orders and approvals (`ordering/`); proposing, editing and the coordinator's
 * catalogue (`editing/`). Tray emails link to /tray/services/{id}, /tray/proposals,
 * /tray/orders/{id} and /tray/orders/incoming. */
export const trayRoutes: { open: RouteObject[]; signedIn: RouteObject[] } = {
  open: [],
  signedIn: [...orderingRoutes, ...editingRoutes],
};
