import { act, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SessionProvider, useSession } from "./SessionProvider";
import { SessionTimeoutWarning } from "./SessionTimeoutWarning";
import { readDraft, saveDraft } from "./drafts";
import type { AppConfig } from "./appConfig";

const config: AppConfig = {
  signIn: { kind: "local", peopleUrl: "/_local/users", signInUrl: "/_local/sign-in" },
  idleMinutes: 15,
  quickExitUrl: "https://neutral.example/",
};

const me = {
  userId: "aino", name: "Aino", email: null, unit: null, group: null, language: "en", roles: [],
  supervisedUnits: [], tenant: { id: "kokkola", name: { fi: "Kokkola" }, languages: ["fi"], employeeGroups: [], tenantGroups: [] },
  features: { safetyReports: true, caseHandling: false, serviceTray: false, wellbeingAggregates: false, tenantAdministration: false },
};

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json" } });
}

function Probe() {
  const session = useSession();
  return (
    <>
      <p>{session.me ? "signed in" : `signed out: ${session.ended ?? "-"}`}</p>
      <button type="button" onClick={() => void session.signInLocal("aino")}>
        in
      </button>
      {session.me && <SessionTimeoutWarning />}
    </>
  );
}

async function signIn() {
  render(
    <SessionProvider config={config}>
      <Probe />
    </SessionProvider>,
  );
  await act(async () => {
    screen.getByRole("button", { name: "in" }).click();
  });
  await act(async () => {
    await vi.advanceTimersByTimeAsync(10);
  });
  expect(screen.getByText("signed in")).toBeInTheDocument();
}

describe("the session timeout", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.endsWith("/_local/sign-in")) return json({ token: "t", expiresIn: 3600 });
        return json(me);
      }),
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("warns two minutes before the idle limit and lets the person continue", async () => {
    await signIn();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(12 * 60_000);
    });
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000 + 1000);
    });
    const dialog = screen.getByRole("alertdialog");
    const keepGoing = screen.getByRole("button", { name: "Continue the session" });
    expect(dialog).toContainElement(keepGoing);
    expect(keepGoing).toHaveFocus();
    await act(async () => {
      keepGoing.click();
    });
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(10 * 60_000);
    });
    expect(screen.getByText("signed in")).toBeInTheDocument();
  });

  it("stays open while the person moves in it with Tab, closes with Escape, and gives focus back", async () => {
    await signIn();
    const field = document.createElement("textarea");
    document.body.append(field);
    field.focus();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(13 * 60_000 + 1000);
    });
    const keepGoing = screen.getByRole("button", { name: "Continue the session" });
    const signOut = screen.getByRole("button", { name: "Sign out" });
    expect(keepGoing).toHaveFocus();
    await act(async () => {
      for (const target of [keepGoing, signOut, signOut]) {
        target.dispatchEvent(new KeyboardEvent("keydown", { key: "Tab", bubbles: true }));
        window.dispatchEvent(new KeyboardEvent("keydown", { key: "Tab" }));
        await vi.advanceTimersByTimeAsync(1000);
      }
    });
    expect(screen.getByRole("alertdialog")).toBeInTheDocument();
    await act(async () => {
      document.activeElement!.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    });
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(field).toHaveFocus();
    expect(screen.getByText("signed in")).toBeInTheDocument();
    field.remove();
  });

  it("signs out at the limit and keeps the draft in memory", async () => {
    saveDraft("report", { whatHappened: "kept" });
    await signIn();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(15 * 60_000 + 1000);
    });
    expect(screen.getByText("signed out: timeout")).toBeInTheDocument();
    expect(readDraft("report")).toEqual({ whatHappened: "kept" });
  });
});

describe("the token's own end", () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("is pushed back for someone still active, with one renewal at a time", async () => {
    const signIns: number[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.endsWith("/_local/sign-in")) {
          signIns.push(Date.now());
          return json({ token: `t${signIns.length}`, expiresIn: signIns.length === 1 ? 8 * 60 : 3600 });
        }
        return json(me);
      }),
    );
    await signIn();
    // Active all along: a key press every minute keeps the idle clock from running out.
    for (let minute = 0; minute < 10; minute += 1) {
      await act(async () => {
        window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
        await vi.advanceTimersByTimeAsync(60_000);
      });
    }
    expect(screen.getByText("signed in")).toBeInTheDocument();
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(signIns).toHaveLength(2);
  });
});

describe("the next person on the same tab", () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it("gets none of the previous person's drafts, and no way back to their page", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    let current = "";
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.endsWith("/_local/sign-in")) {
          current = (JSON.parse(String(init?.body)) as { userId: string }).userId;
          return json({ token: `token-of-${current}`, expiresIn: 3600 });
        }
        return json({ ...me, userId: current });
      }),
    );
    const outcomes: boolean[] = [];
    function Switcher() {
      const session = useSession();
      return (
        <>
          <p>{session.me ? `signed in: ${session.me.userId}` : "signed out"}</p>
          {["aino", "erik"].map((userId) => (
            <button
              key={userId}
              type="button"
              onClick={() => void session.signInLocal(userId).then((signedIn) => outcomes.push(signedIn.mayReturn))}
            >
              {userId}
            </button>
          ))}
          {session.me && <SessionTimeoutWarning />}
        </>
      );
    }
    render(
      <SessionProvider config={config}>
        <Switcher />
      </SessionProvider>,
    );
    await act(async () => {
      screen.getByRole("button", { name: "aino" }).click();
      await vi.advanceTimersByTimeAsync(10);
    });
    saveDraft("report:signed-in", { whatHappened: "Aino's words" });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(15 * 60_000 + 1000);
    });
    expect(screen.getByText("signed out")).toBeInTheDocument();
    expect(readDraft("report:signed-in")).toEqual({ whatHappened: "Aino's words" });

    await act(async () => {
      screen.getByRole("button", { name: "erik" }).click();
      await vi.advanceTimersByTimeAsync(10);
    });
    expect(screen.getByText("signed in: erik")).toBeInTheDocument();
    expect(readDraft("report:signed-in")).toBeUndefined();
    expect(outcomes).toEqual([true, false]);
  });
});
