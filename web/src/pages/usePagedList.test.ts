import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiFailure } from "../api/client";
import { usePagedList, type Page } from "./usePagedList";

/** Pages answered by hand: each call waits until the test resolves it. */
function pending() {
  const calls: { query: string; cursor: string | null; resolve: (page: Page<string>) => void; reject: (e: unknown) => void }[] = [];
  const load = (query: string) => (cursor: string | null) =>
    new Promise<Page<string>>((resolve, reject) => calls.push({ query, cursor, resolve, reject }));
  return { calls, load };
}

const ready = (list: { state: string; data?: { items: string[]; nextCursor: string | null } }) =>
  list.state === "ready" ? list.data : undefined;

describe("usePagedList", () => {
  it("loads the first page and then more", async () => {
    const { calls, load } = pending();
    const { result } = renderHook(() => usePagedList(load("a"), ["a"]));
    expect(result.current.list.state).toBe("loading");
    await act(async () => calls[0]!.resolve({ items: ["a1"], nextCursor: "c1" }));
    expect(ready(result.current.list)).toEqual({ items: ["a1"], nextCursor: "c1" });
    let more: Promise<void> = Promise.resolve();
    act(() => {
      more = result.current.loadMore();
    });
    expect(result.current.loadingMore).toBe(true);
    expect(calls[1]).toMatchObject({ query: "a", cursor: "c1" });
    await act(async () => {
      calls[1]!.resolve({ items: ["a2"], nextCursor: null });
      await more;
    });
    expect(ready(result.current.list)).toEqual({ items: ["a1", "a2"], nextCursor: null });
    expect(result.current.loadingMore).toBe(false);
  });

  it("drops a 'more' page that answers after the query changed", async () => {
    const { calls, load } = pending();
    const { result, rerender } = renderHook(({ q }) => usePagedList(load(q), [q]), { initialProps: { q: "a" } });
    await act(async () => calls[0]!.resolve({ items: ["a1"], nextCursor: "c1" }));
    let more: Promise<void> = Promise.resolve();
    act(() => {
      more = result.current.loadMore();
    });
    rerender({ q: "b" });
    expect(result.current.list.state).toBe("loading");
    const first = calls.find((call) => call.query === "b" && call.cursor === null)!;
    await act(async () => first.resolve({ items: ["b1"], nextCursor: null }));
    await act(async () => {
      calls[1]!.resolve({ items: ["a2"], nextCursor: "c2" });
      await more;
    });
    expect(ready(result.current.list)).toEqual({ items: ["b1"], nextCursor: null });
    expect(result.current.loadingMore).toBe(false);
  });

  it("drops a first page of an older query that answers last", async () => {
    const { calls, load } = pending();
    const { result, rerender } = renderHook(({ q }) => usePagedList(load(q), [q]), { initialProps: { q: "a" } });
    rerender({ q: "b" });
    const a = calls.find((call) => call.query === "a")!;
    const b = calls.find((call) => call.query === "b")!;
    await act(async () => b.resolve({ items: ["b1"], nextCursor: null }));
    await act(async () => a.resolve({ items: ["a1"], nextCursor: "c1" }));
    expect(ready(result.current.list)).toEqual({ items: ["b1"], nextCursor: null });
  });

  it("asks for one 'more' page at a time, and none while the first is loading", async () => {
    const load = vi.fn((cursor: string | null) =>
      Promise.resolve<Page<string>>(cursor ? { items: ["x2"], nextCursor: null } : { items: ["x1"], nextCursor: "c1" }),
    );
    const { result } = renderHook(() => usePagedList(load, []));
    await act(() => result.current.loadMore());
    expect(load).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(result.current.list.state).toBe("ready"));
    await act(async () => {
      await Promise.all([result.current.loadMore(), result.current.loadMore()]);
    });
    expect(load).toHaveBeenCalledTimes(2);
    expect(ready(result.current.list)?.items).toEqual(["x1", "x2"]);
  });

  it("keeps the list on screen while reloading, and says why a 'more' failed", async () => {
    let fail = false;
    const load = vi.fn((cursor: string | null) =>
      cursor && fail ? Promise.reject(new ApiFailure(503, null)) : Promise.resolve<Page<string>>({ items: ["x1"], nextCursor: "c1" }),
    );
    const { result } = renderHook(() => usePagedList(load, []));
    await waitFor(() => expect(result.current.list.state).toBe("ready"));
    fail = true;
    await act(() => result.current.loadMore());
    expect(result.current.moreFailure?.status).toBe(503);
    act(() => result.current.reload());
    expect(result.current.list.state).toBe("ready");
    await waitFor(() => expect(result.current.moreFailure).toBeNull());
  });
});
