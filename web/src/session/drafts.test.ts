import { describe, expect, it } from "vitest";
import { clearDrafts, readDraft, saveDraft } from "./drafts";

describe("drafts", () => {
  it("are kept in memory and nowhere else", () => {
    localStorage.clear();
    sessionStorage.clear();
    saveDraft("report", { whatHappened: "something" });
    expect(readDraft("report")).toEqual({ whatHappened: "something" });
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
    clearDrafts();
    expect(readDraft("report")).toBeUndefined();
  });
});
