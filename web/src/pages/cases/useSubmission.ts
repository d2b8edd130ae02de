import { useCallback, useRef, useState } from "react";
import { ApiFailure, newIdempotencyKey } from "../../api/client";

export interface Submission {
  busy: boolean;
  /** The last failure (cleared on the next attempt). */
  failure: ApiFailure | null;
  /** Sends `body` through `call` with its Idempotency-Key; true when it went through. A
   * call made while one is still running is ignored (false). */
  submit(body: unknown, call: (idempotencyKey: string) => Promise<unknown>): Promise<boolean>;
  reset(): void;
}

/** One form's sending state. A 409 calls `onConflict` (the case reloads; the form keeps
 * what was typed). The Idempotency-Key belongs to the body: sending the same body again
 * after any failure (a lost answer, a 409 "still running", a 5xx whose request may yet
 * complete) reuses it, so a retry never records a message or an event twice; a new key is
 * made only after a success or for a different body. */
export function useSubmission(onConflict: () => void): Submission {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const last = useRef<{ body: string; key: string } | null>(null);
  const running = useRef(false);

  const submit = useCallback(
    async (body: unknown, call: (idempotencyKey: string) => Promise<unknown>) => {
      if (running.current) return false;
      running.current = true;
      const serial = JSON.stringify(body) ?? "";
      const key = last.current?.body === serial ? last.current.key : newIdempotencyKey();
      last.current = { body: serial, key };
      setBusy(true);
      setFailure(null);
      try {
        await call(key);
        last.current = null;
        return true;
      } catch (error) {
        const problem = error instanceof ApiFailure ? error : new ApiFailure(0, null);
        if (problem.status === 409) onConflict();
        setFailure(problem);
        return false;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [onConflict],
  );
  const reset = useCallback(() => setFailure(null), []);
  return { busy, failure, submit, reset };
}
