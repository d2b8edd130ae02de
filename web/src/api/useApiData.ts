import { useCallback, useEffect, useState } from "react";
import { ApiFailure } from "./client";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "failed"; failure: ApiFailure }
  | { state: "ready"; data: T };

/** Loads from the API when `deps` change; `reload` loads again (after an action or a 409).
 * New deps (another case) show "loading" at once, never the previous one's data; a reload
 * keeps what is shown until the fresh answer comes. Only the latest call's answer counts. */
export function useApiData<T>(load: () => Promise<T>, deps: unknown[]): [Loaded<T>, () => void] {
  const key = JSON.stringify(deps);
  const [result, setResult] = useState<{ key: string; loaded: Loaded<T> }>({ key, loaded: { state: "loading" } });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ key, loaded: { state: "ready", data } }),
      (error: unknown) =>
        current &&
        setResult({
          key,
          loaded: { state: "failed", failure: error instanceof ApiFailure ? error : new ApiFailure(0, null) },
        }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [result.key === key ? result.loaded : { state: "loading" }, reload];
}
