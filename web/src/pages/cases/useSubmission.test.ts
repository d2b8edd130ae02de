import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiFailure } from "../../api/client";
import { useSubmission } from "./useSubmission";

function setup() {
  const onConflict = vi.fn();
  const { result } = renderHook(() => useSubmission(onConflict));
  const keys: string[] = [];
  const send = async (body: unknown, outcome: "ok" | number) => {
    let ok = false;
    await act(async () => {
      ok = await result.current.submit(body, async (key) => {
        keys.push(key);
        if (outcome !== "ok") throw new ApiFailure(outcome, null);
      });
    });
    return ok;
  };
  return { result, keys, send, onConflict };
}

describe("useSubmission", () => {
  it.each([0, 409, 500, 504])("keeps the key for the same body after a %s", async (status) => {
    const { keys, send } = setup();
    expect(await send({ body: "hello" }, status)).toBe(false);
    expect(await send({ body: "hello" }, "ok")).toBe(true);
    expect(keys[1]).toBe(keys[0]);
  });

  it("makes a new key for a different body, and after a success", async () => {
    const { keys, send } = setup();
    await send({ body: "hello" }, 0);
    await send({ body: "hello, edited" }, 0);
    expect(keys[1]).not.toBe(keys[0]);
    await send({ body: "hello, edited" }, "ok");
    expect(keys[2]).toBe(keys[1]);
    await send({ body: "hello, edited" }, "ok");
    expect(keys[3]).not.toBe(keys[2]);
  });

  it("tells about a conflict and keeps the failure", async () => {
    const { result, send, onConflict } = setup();
    await send({ body: "x" }, 409);
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(result.current.failure?.status).toBe(409);
  });

  it("ignores a second submit while the first is running", async () => {
    const { result } = renderHook(() => useSubmission(() => undefined));
    let finish = () => undefined as void;
    const call = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    let first: Promise<boolean> = Promise.resolve(false);
    let second = true;
    await act(async () => {
      first = result.current.submit({ body: "x" }, call);
      second = await result.current.submit({ body: "x" }, call);
    });
    expect(second).toBe(false);
    expect(call).toHaveBeenCalledTimes(1);
    await act(async () => {
      finish();
      await first;
    });
    expect(await first).toBe(true);
  });
});
