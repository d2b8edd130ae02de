import { useEffect, useRef, type RefObject } from "react";
import { useBlocker, type Blocker } from "react-router";

/** Asks before leaving while `guarded` is on screen: the browser's own question on a reload
 * or a closed tab (beforeunload), and the app's on a move inside the app (the returned
 * blocker). Quick exit empties the page before it leaves, so a guard no longer in the
 * document never holds it up. `allow()` lets the next move through (after "I saved it"). */
export function useLeaveWarning(guarded: RefObject<HTMLElement | null>, active: boolean): { blocker: Blocker; allow: () => void } {
  const allowed = useRef(false);
  const stillShown = () => active && !allowed.current && !!guarded.current && document.body.contains(guarded.current);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => stillShown() && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!stillShown()) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  });
  return {
    blocker,
    allow: () => {
      allowed.current = true;
    },
  };
}
