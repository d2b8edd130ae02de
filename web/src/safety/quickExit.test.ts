import { describe, expect, it, vi } from "vitest";
import { quickExit, tripleShiftDetector } from "./quickExit";
import { readDraft, saveDraft } from "../session/drafts";

function shift(repeat = false): KeyboardEvent {
  return new KeyboardEvent("keydown", { key: "Shift", repeat });
}

describe("triple shift", () => {
  it("fires on three presses within the window", () => {
    let clock = 0;
    const fired = vi.fn();
    const onKey = tripleShiftDetector(fired, () => clock);
    onKey(shift());
    clock = 300;
    onKey(shift());
    clock = 600;
    onKey(shift());
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it("does not fire when the presses are slow, held down or interrupted", () => {
    let clock = 0;
    const fired = vi.fn();
    const onKey = tripleShiftDetector(fired, () => clock);
    onKey(shift());
    clock = 1000;
    onKey(shift());
    clock = 2500;
    onKey(shift());
    expect(fired).not.toHaveBeenCalled();
    onKey(shift(true));
    onKey(shift(true));
    expect(fired).not.toHaveBeenCalled();
    onKey(shift());
    onKey(new KeyboardEvent("keydown", { key: "A" }));
    onKey(shift());
    expect(fired).not.toHaveBeenCalled();
  });
});

describe("quick exit", () => {
  it("forgets drafts and the page, then replaces the location", () => {
    saveDraft("report", { whatHappened: "secret" });
    document.title = "Report";
    document.body.innerHTML = "<p>secret</p>";
    const replace = vi.fn();
    quickExit("https://neutral.example/", replace);
    expect(replace).toHaveBeenCalledWith("https://neutral.example/");
    expect(readDraft("report")).toBeUndefined();
    expect(document.body.textContent).toBe("");
    expect(document.title).toBe("");
  });
});
