import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ErrorSummary, type FieldError } from "./ErrorSummary";
import { TextField } from "./fields";

function Form({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        setErrors(value.length < 3 ? [{ fieldId: "what", message: "Write at least 3 characters" }] : []);
        setAttempt((n) => n + 1);
      }}
    >
      <ErrorSummary errors={errors} attempt={attempt} />
      <TextField id="what" label="What happened" required value={value} onChange={setValue} confidential
        error={errors[0]?.message} />
      <button type="submit">Send</button>
    </form>
  );
}

describe("the error summary", () => {
  it("takes focus on every failed attempt, links to the field, and keeps what was typed", async () => {
    const user = userEvent.setup();
    render(<Form initial="ab" />);
    await user.click(screen.getByRole("button", { name: "Send" }));
    const summary = screen.getByRole("alert");
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText(/What happened/)).toHaveValue("ab");
    expect(screen.getByLabelText(/What happened/)).toHaveAccessibleDescription("Write at least 3 characters");

    await user.click(screen.getByRole("link", { name: "Write at least 3 characters" }));
    expect(screen.getByLabelText(/What happened/)).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(screen.getByRole("alert")).toHaveFocus();
  });

  it("marks report fields so the browser keeps and checks nothing", () => {
    render(<Form initial="" />);
    const field = screen.getByLabelText(/What happened/);
    expect(field).toHaveAttribute("autocomplete", "off");
    expect(field).toHaveAttribute("spellcheck", "false");
  });

  it("is absent when there is nothing to fix", async () => {
    const user = userEvent.setup();
    render(<Form initial="enough" />);
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
