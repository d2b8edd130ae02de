import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type ApiErrorBody = Schemas["ErrorResponse"];

/** Locally and on AWS the API shares the app's origin under /api (CloudFront strips it). */
export const API_BASE = "/api";

type TokenSource = () => string | null;
type Unauthorized = () => void;

let currentToken: TokenSource = () => null;
let onUnauthorized: Unauthorized = () => undefined;

/** The session module tells the client where the token is and what to do on a 401. */
export function connectSession(token: TokenSource, unauthorized: Unauthorized): void {
  currentToken = token;
  onUnauthorized = unauthorized;
}

/** The anonymous routes never get the token: an anonymous report filed from a signed-in
 * tab must carry nobody's identity. */
export function isAnonymousRoute(url: string): boolean {
  return new URL(url, "http://app.invalid").pathname.startsWith(`${API_BASE}/public/`);
}

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token && !isAnonymousRoute(request.url)) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && request.headers.has("Authorization")) onUnauthorized();
    return response;
  },
};

export const api = createClient<paths>({
  // Absolute, so that the same client runs in tests (Node's Request takes no relative URL).
  baseUrl: `${globalThis.location?.origin ?? ""}${API_BASE}`,
  // Looked up on each call rather than captured once, so tests can stub `fetch`.
  fetch: (request) => globalThis.fetch(request),
  // Nothing the API answers may stay in the browser's HTTP cache (shared computers).
  cache: "no-store",
  credentials: "omit",
  headers: { "Cache-Control": "no-store" },
});
api.use(sessionMiddleware);

/** An answer that is not 2xx, with the API's error body when it has one. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.error.code ?? `http_${status}`);
  }

  get code(): string {
    return this.body?.error.code ?? (this.status === 0 ? "network" : `http_${this.status}`);
  }

  /** Field errors keyed by the last element of `loc` under body (e.g. answers.whatHappened → whatHappened). */
  fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const detail of this.body?.error.details ?? []) {
      const path = detail.loc.filter((part) => part !== "body").map(String);
      const key = path.join(".");
      if (key && !(key in fields)) fields[key] = detail.msg;
    }
    return fields;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === "object" && value !== null && "error" in value;
}

/** Unwraps an openapi-fetch result: the data, or an ApiFailure thrown. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiFailure(0, null);
  }
  if (!result.response.ok) throw new ApiFailure(result.response.status, isErrorBody(result.error) ? result.error : null);
  return result.data as T;
}

/** A fresh key per attempt to create something; the same key on a retry of that attempt. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
