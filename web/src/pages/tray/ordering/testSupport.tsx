import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import type { Me } from "../../../session/SessionProvider";
import type { OrderView, ServiceView } from "../serviceText";
import { orderingRoutes } from "./routes";

export { answer, errorBody, stubApi } from "../../cases/testSupport";

export function person(overrides: Partial<Me> = {}): Me {
  return {
    userId: "vaala-employee-1",
    name: "Vaalan työntekijä",
    email: "vaala-employee-1@vaala.example",
    language: "en",
    roles: [],
    supervisedUnits: [],
    group: "varhaiskasvatus",
    unit: "varhaiskasvatus",
    tenant: { id: "vaala", name: { fi: "Vaalan kunta" }, languages: ["fi"], employeeGroups: [], tenantGroups: [] },
    features: { caseHandling: false, safetyReports: true, serviceTray: true, tenantAdministration: false },
    ...overrides,
  } as Me;
}

export function service(overrides: Partial<ServiceView> = {}, details: Partial<ServiceView["details"]> = {}): ServiceView {
  return {
    serviceId: "0f0e0d0c0b0a49a8a7a6a5a4a3a2a1a0",
    tenantId: "oulunkaari",
    status: "published",
    details: {
      title: { fi: "Taidelähtöinen työhyvinvointi", en: "Arts-based wellbeing at work" },
      description: { en: "Arts-based methods for work communities." },
      category: "community",
      kind: "new",
      provider: { organisation: "Oulunkaaren kuntayhtymä" },
      audienceGroups: null,
      format: "in_person",
      place: "Agreed with the community",
      sessions: [],
      onRequest: true,
      capacity: 12,
      contact: null,
      confidential: false,
      sharedWithGroup: "oulunkaari-region",
      ...details,
    },
    proposedBy: null,
    providerName: null,
    rejectionReason: null,
    createdAt: "2026-12-01T10:00:00Z",
    updatedAt: "2026-12-01T10:00:00Z",
    version: 1,
    counts: null,
    full: false,
    placesLeft: 5,
    ...overrides,
  } as ServiceView;
}

export function order(overrides: Partial<OrderView> = {}): OrderView {
  return {
    orderId: "oulunkaari.5cd13c808a264f7d9c7419231d089a29",
    serviceId: "0f0e0d0c0b0a49a8a7a6a5a4a3a2a1a0",
    tenantId: "oulunkaari",
    ordererTenantId: "vaala",
    ordererId: "vaala-employee-1",
    ordererName: "Vaalan työntekijä",
    ordererEmail: "vaala-employee-1@vaala.example",
    serviceTitle: { en: "Arts-based wellbeing at work" },
    forUnit: null,
    status: "requested",
    confidential: false,
    createdAt: "2026-12-02T10:00:00Z",
    updatedAt: "2026-12-02T10:00:00Z",
    parts: ["orderer"],
    feedback: null,
    version: 1,
    ...overrides,
  } as OrderView;
}

/** The ordering screens at `path` in a memory router. */
export function renderTray(path: string) {
  const router = createMemoryRouter(orderingRoutes, { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}
