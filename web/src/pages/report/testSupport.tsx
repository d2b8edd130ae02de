import { render } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import { vi } from "vitest";
import { api, type Schemas } from "../../api/client";
import { clearDrafts } from "../../session/drafts";
import { SessionProvider } from "../../session/SessionProvider";
import { reportRoutes } from "./routes";

/** What openapi-fetch resolves to: data on 2xx, the error body otherwise. */
export function answer(status: number, body: unknown) {
  const response = new Response(null, { status });
  return Promise.resolve(status < 300 ? { data: body, response } : { error: body, response });
}

export function errorBody(code: string, details: { loc: (string | number)[]; msg: string }[] = []) {
  return { error: { code, message: code, details }, requestId: "test" };
}

interface Init {
  params?: { path?: Record<string, string>; query?: Record<string, unknown>; header?: Record<string, string> };
  body?: unknown;
}
type Handler = (init: Init) => Promise<unknown>;

/** Routes the API client's GET and POST to `handlers` by OpenAPI path (others: 404). */
export function stubApi(handlers: { GET?: Record<string, Handler>; POST?: Record<string, Handler> }) {
  const route = (method: "GET" | "POST") => (path: string, init: Init = {}) =>
    handlers[method]?.[path]?.(init) ?? answer(404, errorBody("not_found"));
  const get = vi.spyOn(api, "GET").mockImplementation(route("GET") as never);
  const post = vi.spyOn(api, "POST").mockImplementation(route("POST") as never);
  return { get, post };
}

/** The report screens (and a page elsewhere to leave for) in a memory router. */
export function renderReportAt(path: string) {
  clearDrafts();
  const router = createMemoryRouter(
    [...reportRoutes.open, ...reportRoutes.signedIn, { path: "/elsewhere", element: <h1>Elsewhere</h1> }],
    { initialEntries: [path] },
  );
  const view = render(
    <SessionProvider config={{ signIn: { kind: "local", peopleUrl: "/p", signInUrl: "/s" }, idleMinutes: 15, quickExitUrl: "https://example.org/" }}>
      <RouterProvider router={router} />
    </SessionProvider>,
  );
  return { ...view, router };
}

export const TYPES = {
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
      fields: [
        { key: "whatHappened", kind: "long_text", label: "Mitä tapahtui?", required: true, maxLength: 10000, options: [] },
        { key: "where", kind: "text", label: "Missä se tapahtui?", required: false, maxLength: 300, options: [] },
      ],
      states: [{ key: "received", label: "Vastaanotettu", closed: false }],
    },
    {
      key: "near_miss",
      label: "Läheltä piti -tilanne",
      restricted: false,
      anonymousAllowed: true,
      handlerRequired: false,
      unitRequired: true,
      fields: [{ key: "whatHappened", kind: "long_text", label: "Mitä tapahtui?", required: true, maxLength: 10000, options: [] }],
      states: [{ key: "received", label: "Vastaanotettu", closed: false }],
    },
  ],
} as unknown as Schemas["ReportTypesResponse"];

export const HANDLERS = {
  type: "harassment",
  unitId: null,
  handlers: [
    { userId: "kokkola-safetyrep-liisa", name: "Liisa Niemi", roles: ["safety_representative"] },
    { userId: "kokkola-hrdir-sari", name: "Sari Koskinen", roles: ["hr_director"] },
  ],
  recusable: [
    { userId: "kokkola-safetyrep-liisa", name: "Liisa Niemi" },
    { userId: "kokkola-hrdir-sari", name: "Sari Koskinen" },
  ],
} as unknown as Schemas["HandlersResponse"];

export const RECEIPT = { reference: "KOK-7KQ2-9MXD", receipt: "4F7Q-M2KD-9XZA-HR3T-W8NB", status: "received", receivedAt: "2026-12-03T10:00:00Z" };

/** The public routes of Kokkola, with `submit` answering the send. */
export function stubPublicApi(submit: Handler) {
  return stubApi({
    GET: {
      "/public/{tenant}/report-types": () => answer(200, TYPES),
      "/public/{tenant}/report-types/{type}/handlers": () => answer(200, HANDLERS),
    },
    POST: { "/public/{tenant}/reports": submit },
  });
}
