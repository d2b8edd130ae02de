import type { RouteObject } from "react-router";

/** /tray/propose, /tray/my-services, /tray/services/:serviceId/edit, /tray/catalogue,
 * /tray/catalogue/new. */
export const editingRoutes: RouteObject[] = [];
