import { useEffect, type RefObject } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** What a modal dialog owes keyboard users while it is open: focus starts on `initial`,
 * Tab and Shift+Tab stay inside, Escape does `onEscape`, and on closing focus returns to
 * where it was (the field the person was typing in). */
export function useModalFocus(
  dialog: RefObject<HTMLElement | null>,
  open: boolean,
  onEscape: () => void,
  initial?: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    (initial?.current ?? dialog.current?.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    const onKey = (event: KeyboardEvent) => {
      const box = dialog.current;
      if (!box) return;
      if (event.key === "Escape") {
        event.preventDefault();
        onEscape();
        return;
      }
      if (event.key !== "Tab") return;
      const items = [...box.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const inside = box.contains(document.activeElement);
      if (event.shiftKey && (document.activeElement === first || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      if (before?.isConnected) before.focus();
    };
    // onEscape may be a new function each render; the dialog's lifetime is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, dialog, initial]);
}
