import { useCallback, useEffect, useRef, useState } from "react";
import { ApiFailure } from "../api/client";
import type { Loaded } from "../api/useApiData";

/** One page as the API gives it: items and the cursor of the next page (none: the last). */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** Every page loaded so far, and where the next one starts. */
export interface Listed<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PagedList<T> {
  /** The list: loading (its first page), failed, or ready with the pages loaded so far. */
  list: Loaded<Listed<T>>;
  /** A "more" page is on its way. */
  loadingMore: boolean;
  /** Why the last "more" failed (cleared on the next try). */
  moreFailure: ApiFailure | null;
  /** Loads the next page; does nothing while a page is on its way or when none is left. */
  loadMore(): Promise<void>;
  /** Loads the first page again (after an action), keeping the list on screen meanwhile. */
  reload(): void;
}

const asFailure = (error: unknown) => (error instanceof ApiFailure ? error : new ApiFailure(0, null));

/** A list read page by page with the API's cursor. `load(null)` gives the first page for
 * `deps`; when they change the list starts again, and an answer for an older query (a first
 * page or a "more" still on its way) is dropped, never mixed into the new one. */
export function usePagedList<T>(load: (cursor: string | null) => Promise<Page<T>>, deps: unknown[]): PagedList<T> {
  const [list, setList] = useState<Loaded<Listed<T>>>({ state: "loading" });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailure, setMoreFailure] = useState<ApiFailure | null>(null);
  const [round, setRound] = useState(0);
  /** Which query the answers are for: bumped whenever a first page is asked for. */
  const generation = useRef(0);
  /** A page (first or more) is on its way: no second "more" meanwhile. */
  const busy = useRef(false);
  const lastRound = useRef(round);
  const latest = useRef({ load, list });
  useEffect(() => {
    latest.current = { load, list };
  });

  useEffect(() => {
    const mine = ++generation.current;
    const reloading = lastRound.current !== round;
    lastRound.current = round;
    busy.current = true;
    setLoadingMore(false);
    setMoreFailure(null);
    // A new query starts from nothing; a reload of the same one keeps what is shown.
    if (!reloading) setList({ state: "loading" });
    load(null)
      .then(
        (page) => {
          if (mine === generation.current) setList({ state: "ready", data: { items: page.items, nextCursor: page.nextCursor ?? null } });
        },
        (error: unknown) => {
          if (mine === generation.current) setList({ state: "failed", failure: asFailure(error) });
        },
      )
      .finally(() => {
        if (mine === generation.current) busy.current = false;
      });
    return () => {
      // Unmounted or about to ask again: whatever is on its way is no longer wanted.
      generation.current += 1;
      busy.current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);

  const loadMore = useCallback(async () => {
    const { load: loadPage, list: shown } = latest.current;
    if (busy.current || shown.state !== "ready" || !shown.data.nextCursor) return;
    const mine = generation.current;
    busy.current = true;
    setLoadingMore(true);
    setMoreFailure(null);
    try {
      const page = await loadPage(shown.data.nextCursor);
      if (mine !== generation.current) return;
      setList((current) =>
        current.state === "ready"
          ? { state: "ready", data: { items: [...current.data.items, ...page.items], nextCursor: page.nextCursor ?? null } }
          : current,
      );
    } catch (error) {
      if (mine === generation.current) setMoreFailure(asFailure(error));
    } finally {
      if (mine === generation.current) {
        busy.current = false;
        setLoadingMore(false);
      }
    }
  }, []);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { list, loadingMore, moreFailure, loadMore, reload };
}
