import type { StaffMember, RoleChange } from "./staffApi";

/** What openapi-fetch resolves to, for a spied `api` method (the client keeps its own
 * reference to fetch, so stubbing the global after import would not reach it). */
export function answer(status: number, body?: unknown) {
  const response = new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
  return status < 400 ? { data: body, response } : { error: body, response };
}

export function apiError(code: string, details: { loc: (string | number)[]; msg: string }[] = []) {
  return { error: { code, message: "The request is not valid.", details }, requestId: null };
}

export const erik: StaffMember = {
  userId: "kokkola-employee-erik",
  name: "Erik Björk",
  email: "kokkola-employee-erik@kokkola.example",
  language: "sv",
  roles: ["supervisor"],
  supervisedUnits: ["sote"],
  pendingGrants: [],
  version: 3,
};

export function grant(overrides: Partial<RoleChange> = {}): RoleChange {
  return {
    id: "20261203120000abcdef012345",
    userId: "kokkola-employee-erik",
    name: "Erik Björk",
    role: "safety_representative",
    kind: "grant",
    status: "pending",
    requestedBy: "kokkola-admin-tuomas",
    requestedAt: "2026-12-03T10:00:00Z",
    decidedBy: null,
    decidedAt: null,
    lapsesAt: "2026-12-17T10:00:00Z",
    actions: [],
    signedInAs: { name: "Erik Björk", email: "erik.bjork@kokkola.example", at: "2026-12-01T08:00:00Z" },
    ...overrides,
  };
}
