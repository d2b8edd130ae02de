import { api, unwrap } from "../../../api/client";
import type { ServiceView } from "../serviceText";
import type { ServiceDetails } from "./serviceFormModel";

export type ServiceStatus = ServiceView["status"];
export type StatusChange = "draft" | "published" | "archived";

/** A new service: a peer proposal (publish false) or a coordinator's draft or published one. */
export function createService(details: ServiceDetails, publish: boolean, idempotencyKey: string): Promise<ServiceView> {
  return unwrap(
    api.POST("/services", { params: { header: { "Idempotency-Key": idempotencyKey } }, body: { ...details, publish } }),
  );
}

export function loadService(serviceId: string): Promise<ServiceView> {
  return unwrap(api.GET("/services/{serviceId}", { params: { path: { serviceId } } }));
}

export function saveDetails(service: ServiceView, details: ServiceDetails): Promise<ServiceView> {
  return unwrap(
    api.PATCH("/services/{serviceId}", {
      params: { path: { serviceId: service.serviceId } },
      body: { expectedVersion: service.version, details },
    }),
  );
}

export function moveService(service: ServiceView, status: StatusChange): Promise<ServiceView> {
  return unwrap(
    api.PATCH("/services/{serviceId}", {
      params: { path: { serviceId: service.serviceId } },
      body: { expectedVersion: service.version, status },
    }),
  );
}

/** The whole list (the API answers view=mine and view=catalogue in one page). */
export async function loadServices(view: "mine" | "catalogue", status?: ServiceStatus): Promise<ServiceView[]> {
  const answer = await unwrap(api.GET("/services", { params: { query: { view, ...(status ? { status } : {}) } } }));
  return answer.items;
}

/** The moves a coordinator may make from each status (a proposal is decided on the
 * approvals page, not moved). */
export function movesFrom(status: ServiceStatus): StatusChange[] {
  switch (status) {
    case "draft":
      return ["published", "archived"];
    case "published":
      return ["draft", "archived"];
    case "archived":
      return ["draft"];
    default:
      return [];
  }
}
