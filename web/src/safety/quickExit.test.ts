import { describe, expect, it, vi } from "vitest";
import { quickExit, tripleShiftDetector } from "./quickExit";
import { readDraft, saveDraft } from "../session/drafts";

function key(type: "keydown" | "keyup", name: string, repeat = false): KeyboardEvent {
  return new KeyboardEvent(type, { key: name, repeat });
}

/** A press and release of Shift alone; `feed` is the detector. */
function tapShift(feed: (event: KeyboardEvent) => void): void {
  feed(key("keydown", "Shift"));
  feed(key("keyup", "Shift"));
}

describe("triple shift", () => {
  it("fires on three presses within the window", () => {
    let clock = 0;
    const fired = vi.fn();
    const onKey = tripleShiftDetector(fired, () => clock);
    tapShift(onKey);
    clock = 300;
    tapShift(onKey);
    clock = 600;
    tapShift(onKey);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it("does not fire when the presses are slow", () => {
    let clock = 0;
    const fired = vi.fn();
    const onKey = tripleShiftDetector(fired, () => clock);
    tapShift(onKey);
    clock = 1000;
    tapShift(onKey);
    clock = 2500;
    tapShift(onKey);
    expect(fired).not.toHaveBeenCalled();
  });

  it("does not fire for Shift held down, nor when another key comes between", () => {
    const fired = vi.fn();
    const onKey = tripleShiftDetector(fired, () => 0);
    onKey(key("keydown", "Shift"));
    onKey(key("keydown", "Shift", true));
    onKey(key("keydown", "Shift", true));
    onKey(key("keyup", "Shift"));
    tapShift(onKey);
    onKey(key("keydown", "a"));
    tapShift(onKey);
    expect(fired).not.toHaveBeenCalled();
  });

  it("does not fire when the third Shift types a capital letter", () => {
    const fired = vi.fn();
    const onKey = tripleShiftDetector(fired, () => 0);
    tapShift(onKey);
    tapShift(onKey);
    onKey(key("keydown", "Shift"));
    onKey(key("keydown", "D"));
    onKey(key("keyup", "D"));
    onKey(key("keyup", "Shift"));
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
