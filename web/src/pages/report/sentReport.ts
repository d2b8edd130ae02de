import { useEffect, useRef } from "react";
import { readDraft, saveDraft, useDraft } from "../../session/drafts";
import type { Sent } from "./reportChannel";

/** What the last send answered, kept in this tab's memory (with the drafts, so quick exit
 * and sign-out forget it) until the person leaves the page that shows it: a receipt is
 * never put in a URL, history state or storage. */
const keyOf = (draftKey: string) => `${draftKey}:sent`;

export function rememberSent(draftKey: string, sent: Sent): void {
  saveDraft(keyOf(draftKey), sent);
}

export function forgetSent(draftKey: string): void {
  if (readDraft(keyOf(draftKey)) !== undefined) saveDraft(keyOf(draftKey), undefined);
}

export function useSent(draftKey: string): Sent | undefined {
  return useDraft<Sent | undefined>(keyOf(draftKey), undefined)[0];
}

/** The draft that was sent is done with: cleared once its result is on screen. */
export function useClearSentDraft(draftKey: string, sent: boolean) {
  useEffect(() => {
    if (sent) saveDraft(draftKey, undefined);
  }, [draftKey, sent]);
}

/** Forgets what was sent once the page is gone (a deferred check, so React's development
 * double mount does not forget it while still on screen). */
export function useForgetOnLeave(draftKey: string) {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      window.setTimeout(() => {
        if (!mounted.current) forgetSent(draftKey);
      }, 0);
    };
  }, [draftKey]);
}

