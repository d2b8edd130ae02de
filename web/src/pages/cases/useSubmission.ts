import { useCallback, useRef, useState } from "react";
import { ApiFailure, newIdempotencyKey } from "../../api/client";

export interface Submission {
  busy: boolean;
  /** The last failure (cleared on the next attempt). */
  failure: ApiFailure | null;
  /** Runs `call` with this attempt's Idempotency-Key; true when it went through. */
  submit(call: (idempotencyKey: string) => Promise<unknown>): Promise<boolean>;
  reset(): void;
}

/** One form's sending state. A 409 calls `onConflict` (the case reloads; the form keeps
 * what was typed). The Idempotency-Key stays the same only while a lost answer is retried
 * (network failure), so a retry never records a message or an event twice. */
export function useSubmission(onConflict: () => void): Submission {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const key = useRef(newIdempotencyKey());

  const submit = useCallback(
    async (call: (idempotencyKey: string) => Promise<unknown>) => {
      setBusy(true);
      setFailure(null);
      try {
        await call(key.current);
        key.current = newIdempotencyKey();
        return true;
      } catch (error) {
        const problem = error instanceof ApiFailure ? error : new ApiFailure(0, null);
        if (problem.status !== 0) key.current = newIdempotencyKey();
        if (problem.status === 409) onConflict();
        setFailure(problem);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onConflict],
  );
  const reset = useCallback(() => setFailure(null), []);
  return { busy, failure, submit, reset };
}
