import { useCallback, useState } from "react";
import type { FieldError } from "./ErrorSummary";

/** The state behind an ErrorSummary: what is wrong, and which attempt this is (each failed
 * attempt takes focus again). `check(found)` shows `found` and says whether all is well. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const check = useCallback((found: FieldError[]): boolean => {
    setErrors(found);
    if (found.length > 0) setAttempt((n) => n + 1);
    return found.length === 0;
  }, []);
  return { errors, attempt, check };
}
