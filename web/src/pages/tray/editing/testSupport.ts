import type { ServiceView } from "../serviceText";

/** A stored service as the API answers it. */
export function serviceView(overrides: Partial<ServiceView> = {}): ServiceView {
  return {
    serviceId: "ii.0123456789abcdef0123456789abcdef",
    tenantId: "ii",
    status: "draft",
    details: {
      title: { fi: "Kuntosali", en: "Gym" },
      description: { fi: "Ohjatut vuorot henkilöstölle.", en: "Supervised sessions for staff." },
      category: "physical",
      kind: "new",
      provider: { organisation: "Iin liikuntapalvelut" },
      audienceGroups: null,
      format: "in_person",
      place: "Liikuntahalli",
      sessions: [],
      onRequest: true,
      capacity: 15,
      contact: null,
      confidential: false,
      sharedWithGroup: null,
    },
    proposedBy: null,
    providerName: null,
    rejectionReason: null,
    createdAt: "2026-12-01T10:00:00Z",
    updatedAt: "2026-12-02T10:00:00Z",
    version: 4,
    counts: { requested: 2, accepted: 1, completed: 3, declined: 0, cancelled: 1, total: 7, suppressed: false },
    full: false,
    placesLeft: 9,
    ...overrides,
  };
}
