import { clearDrafts } from "../session/drafts";

/** Leaves at once for a neutral site. `replace` keeps this page out of the back button's
 * reach; memory is cleared first so nothing typed survives in this tab. */
export function quickExit(url: string, replace: (url: string) => void = (to) => window.location.replace(to)): void {
  clearDrafts();
  try {
    sessionStorage.clear();
  } catch {
    // Storage may be unavailable (private mode); nothing of ours is in it anyway.
  }
  // A receipt copied a moment ago must not wait on the clipboard for the next person.
  void navigator.clipboard?.writeText("").catch(() => undefined);
  document.title = "";
  document.body.replaceChildren();
  replace(url);
}

/** Shift pressed three times within this many milliseconds. */
export const TRIPLE_SHIFT_WINDOW_MS = 1200;

/** Counts a Shift press when Shift is released with no other key pressed meanwhile, so
 * Shift, Shift, Shift+D (typing a capital) is not an exit; held Shift repeats nothing. */
export function tripleShiftDetector(onTriple: () => void, now: () => number = Date.now) {
  let presses: number[] = [];
  let otherKeyWhileShift = false;
  return (event: KeyboardEvent) => {
    if (event.key !== "Shift") {
      if (event.type === "keydown") {
        presses = [];
        otherKeyWhileShift = true;
      }
      return;
    }
    if (event.type === "keydown") {
      if (!event.repeat) otherKeyWhileShift = false;
      return;
    }
    if (event.type !== "keyup" || otherKeyWhileShift) return;
    const at = now();
    presses = [...presses.filter((t) => at - t <= TRIPLE_SHIFT_WINDOW_MS), at];
    if (presses.length >= 3) {
      presses = [];
      onTriple();
    }
  };
}
