import { afterEach, describe, expect, it, vi } from "vitest";
import { api, connectSession } from "./client";

describe("the API client", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    connectSession(
      () => null,
      () => undefined,
    );
  });

  it("sends the token to signed-in routes and never to the anonymous ones", async () => {
    const seen: { path: string; authorization: string | null; cache: string }[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (request: Request) => {
        seen.push({
          path: new URL(request.url).pathname,
          authorization: request.headers.get("Authorization"),
          cache: request.cache,
        });
        return new Response("{}", { status: 200, headers: { "Content-Type": "application/json" } });
      }),
    );
    connectSession(
      () => "secret-token",
      () => undefined,
    );
    await api.GET("/me");
    await api.GET("/public/{tenant}/report-types", { params: { path: { tenant: "kokkola" } } });
    await api.POST("/public/{tenant}/follow-up", {
      params: { path: { tenant: "kokkola" } },
      body: { receipt: "ABCD-EFGH-IJKL-MNOP-QRST" },
    });
    expect(seen.map(({ path, authorization }) => [path, authorization])).toEqual([
      ["/api/me", "Bearer secret-token"],
      ["/api/public/kokkola/report-types", null],
      ["/api/public/kokkola/follow-up", null],
    ]);
    expect(seen.every(({ cache }) => cache === "no-store")).toBe(true);
  });

  it("ends the session on a 401 only for a call that carried the token", async () => {
    const unauthorized = vi.fn();
    vi.stubGlobal("fetch", vi.fn(async () => new Response("{}", { status: 401 })));
    connectSession(() => "secret-token", unauthorized);
    await api.GET("/public/{tenant}/report-types", { params: { path: { tenant: "kokkola" } } });
    expect(unauthorized).not.toHaveBeenCalled();
    await api.GET("/me");
    expect(unauthorized).toHaveBeenCalledTimes(1);
  });
});
