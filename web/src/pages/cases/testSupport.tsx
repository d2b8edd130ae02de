import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { vi } from "vitest";
import { api, type Schemas } from "../../api/client";
import { SessionProvider } from "../../session/SessionProvider";

/** What openapi-fetch resolves to: data on 2xx, the error body otherwise. */
export function answer(status: number, body: unknown) {
  const response = new Response(null, { status });
  return Promise.resolve(status < 300 ? { data: body, response } : { error: body, response });
}

export function errorBody(code: string, details: { loc: (string | number)[]; msg: string }[] = []) {
  return { error: { code, message: code, details }, requestId: "test" };
}

type Answer = ReturnType<typeof answer>;
type Handler = (path: string, init: { params?: { path?: Record<string, string> }; body?: unknown }) => Answer;

/** Routes the API client's GET and POST to `handlers` by the OpenAPI path. */
export function stubApi(handlers: { GET?: Record<string, Handler>; POST?: Record<string, Handler> }) {
  const route = (method: "GET" | "POST") =>
    vi.fn((path: string, init: Parameters<Handler>[1] = {}) => {
      const handler = handlers[method]?.[path];
      if (!handler) return answer(404, errorBody("not_found"));
      return handler(path, init);
    });
  const get = vi.spyOn(api, "GET").mockImplementation(route("GET") as never);
  const post = vi.spyOn(api, "POST").mockImplementation(route("POST") as never);
  return { get, post };
}

/** Renders `routes` at `path` inside the session and a memory router. */
export function renderAt(routes: RouteObject[], path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return render(
    <SessionProvider
      config={{ signIn: { kind: "local", peopleUrl: "/_local/users", signInUrl: "/_local/sign-in" }, idleMinutes: 15, quickExitUrl: "https://example.org/" }}
    >
      <RouterProvider router={router} />
    </SessionProvider>,
  );
}

export const REPORT_TYPES = {
  language: "fi",
  units: [{ id: "sivistys", name: "Sivistyspalvelut" }],
  items: [
    {
      key: "harassment",
      label: "Häirintä tai epäasiallinen kohtelu",
      restricted: true,
      anonymousAllowed: true,
      handlerRequired: true,
      unitRequired: false,
      fields: [{ key: "whatHappened", kind: "long_text", label: "Mitä tapahtui?", required: true, maxLength: 10000, options: [] }],
      states: [
        { key: "received", label: "Vastaanotettu", closed: false },
        { key: "acknowledged", label: "Vastaanotto kuitattu", closed: false },
        { key: "closed", label: "Suljettu", closed: true },
      ],
    },
  ],
} as unknown as Schemas["ReportTypesResponse"];

export function caseFile(overrides: Partial<Schemas["CaseDetailResponse"]> = {}): Schemas["CaseDetailResponse"] {
  return {
    caseId: "ab4de1745d2646e1960da7ad4b10229c",
    reference: "KOK-QBQ8-PD6Q",
    type: "harassment",
    typeLabel: "Häirintä tai epäasiallinen kohtelu",
    status: "received",
    statusLabel: "Vastaanotettu",
    unitId: "sivistys",
    assignee: { userId: "kokkola-safetyrep-liisa", name: "Liisa Niemi" },
    anonymous: false,
    receivedAt: "2026-12-03T17:31:10Z",
    updatedAt: "2026-12-03T17:31:10Z",
    closedAt: null,
    resolution: null,
    deadlines: [{ key: "acknowledge", label: "Vastaanoton kuittaus", dueAt: "2026-12-10T21:59:59Z", overdue: false }],
    overdue: false,
    role: "assignee",
    version: 1,
    answers: { whatHappened: "Esihenkilö huutaa palavereissa." },
    metDeadlines: {},
    timeline: [],
    messages: [],
    availableActions: [],
    events: [],
    ...overrides,
  };
}
