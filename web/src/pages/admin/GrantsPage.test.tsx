import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api } from "../../api/client";
import i18n from "../../i18n";
import { GrantsPage } from "./GrantsPage";
import { answer, grant } from "./testSupport";

beforeAll(() => i18n.changeLanguage("en"));
afterEach(() => vi.restoreAllMocks());

describe("the role changes page", () => {
  it("moves focus to what a decision did once its buttons are gone", async () => {
    let decided = false;
    vi.spyOn(api, "GET").mockImplementation((() =>
      Promise.resolve(
        answer(200, { items: [grant(decided ? { status: "confirmed", actions: [] } : { actions: ["confirm", "reject"] })], nextCursor: null }),
      )) as never);
    vi.spyOn(api, "POST").mockImplementation((() => {
      decided = true;
      return Promise.resolve(answer(200, grant({ status: "confirmed" })));
    }) as never);
    render(<GrantsPage />);
    await userEvent.click(await screen.findByRole("button", { name: /^Confirm/ }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, confirm" }));
    const said = await screen.findByText("Confirmed: Erik Björk is now safety representative.");
    await vi.waitFor(() => expect(said).toHaveFocus());
    await vi.waitFor(() => expect(screen.queryByRole("button", { name: /^Confirm/ })).not.toBeInTheDocument());
    expect(said).toHaveFocus();
  });
});
