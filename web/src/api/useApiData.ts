import { useCallback, useEffect, useState } from "react";
import { ApiFailure } from "./client";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "failed"; failure: ApiFailure }
  | { state: "ready"; data: T };

/** Loads from the API when `deps` change; `reload` loads again (after an action or a 409). */
export function useApiData<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ state: "ready", data }),
      (error: unknown) =>
        current && setResult({ state: "failed", failure: error instanceof ApiFailure ? error : new ApiFailure(0, null) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [result, reload];
}
