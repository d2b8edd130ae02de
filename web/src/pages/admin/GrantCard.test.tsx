import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api } from "../../api/client";
import i18n from "../../i18n";
import { GrantCard } from "./GrantCard";
import { answer, apiError, grant } from "./testSupport";

beforeAll(() => i18n.changeLanguage("en"));
afterEach(() => vi.restoreAllMocks());

const inList = (change: ReturnType<typeof grant>, onDecided = vi.fn(), onStale = vi.fn()) =>
  render(
    <ul>
      <GrantCard change={change} onDecided={onDecided} onStale={onStale} />
    </ul>,
  );

describe("a role change", () => {
  it("shows no decision buttons when the API allows the caller none (an admin, the grantee, the requester)", () => {
    inList(grant({ actions: [] }));
    expect(screen.getByRole("heading", { name: "Erik Björk: safety representative" })).toBeInTheDocument();
    expect(screen.getByText("Waiting for confirmation")).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows who the sign-in service says the person is", () => {
    inList(grant());
    expect(screen.getByText(/^Erik Björk, erik\.bjork@kokkola\.example \(last sign-in/)).toBeInTheDocument();
  });

  it("shows only the decisions the API allows", () => {
    inList(grant({ actions: ["reject"] }));
    expect(screen.queryByRole("button", { name: /^Confirm/ })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Reject/ })).toBeInTheDocument();
  });

  it("confirms after a second step and reports what happened", async () => {
    const post = vi.spyOn(api, "POST").mockResolvedValue(answer(200, grant({ status: "confirmed" })) as never);
    const onDecided = vi.fn();
    inList(grant({ actions: ["confirm", "reject"] }), onDecided);
    await userEvent.click(screen.getByRole("button", { name: /^Confirm/ }));
    expect(post).not.toHaveBeenCalled();
    expect(screen.getByText(/^Confirm that Erik Björk becomes safety representative\?/)).toHaveFocus();
    await userEvent.click(screen.getByRole("button", { name: "Yes, confirm" }));
    expect(post).toHaveBeenCalledWith("/staff/grants/{grantId}/confirmation", {
      params: { path: { grantId: "20261203120000abcdef012345" } },
    });
    await vi.waitFor(() => expect(onDecided).toHaveBeenCalledWith("Confirmed: Erik Björk is now safety representative."));
  });

  it("rejects, and tells when the grant had moved on meanwhile", async () => {
    vi.spyOn(api, "POST").mockResolvedValue(answer(409, apiError("conflict")) as never);
    const onStale = vi.fn();
    inList(grant({ actions: ["confirm", "reject"] }), vi.fn(), onStale);
    await userEvent.click(screen.getByRole("button", { name: /^Reject/ }));
    await userEvent.click(screen.getByRole("button", { name: "Yes, reject" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/already decided, withdrawn or lapsed/);
    // Its buttons went away with the step: focus is on why, not lost to the page.
    expect(screen.getByRole("alert")).toHaveFocus();
    expect(onStale).toHaveBeenCalledOnce();
  });
});
