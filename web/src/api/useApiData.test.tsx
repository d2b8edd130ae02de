import { act, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useApiData } from "./useApiData";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

function CaseView({ id, answers }: { id: string; answers: Record<string, ReturnType<typeof deferred<string>>> }) {
  const [loaded] = useApiData(() => answers[id]!.promise, [id]);
  return <p>{loaded.state === "ready" ? loaded.data : loaded.state}</p>;
}

describe("useApiData", () => {
  it("never shows the previous item's data under a new one, and drops a late answer", async () => {
    const answers = { a: deferred<string>(), b: deferred<string>() };
    const { rerender } = render(<CaseView id="a" answers={answers} />);
    await act(async () => answers.a.resolve("case A"));
    expect(screen.getByText("case A")).toBeInTheDocument();

    rerender(<CaseView id="b" answers={answers} />);
    expect(screen.getByText("loading")).toBeInTheDocument();
    await act(async () => answers.b.resolve("case B"));
    expect(screen.getByText("case B")).toBeInTheDocument();
  });
});
