import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api } from "../../api/client";
import i18n from "../../i18n";
import { DirectoryNoticeView } from "./DirectoryNoticeView";
import { StaffForm } from "./StaffForm";
import { answer, apiError, erik } from "./testSupport";

const units = [{ id: "sote", name: { fi: "Sote", sv: "Social", en: "Social and health" } }];
const inRouter = (node: ReactNode) => render(<MemoryRouter>{node}</MemoryRouter>);

beforeAll(() => i18n.changeLanguage("en"));
afterEach(() => vi.restoreAllMocks());

describe("the staff form", () => {
  it("checks on submit: an error summary that takes focus, the same message at each field, nothing sent", async () => {
    const put = vi.spyOn(api, "PUT");
    inRouter(<StaffForm existing={null} units={units} onSaved={vi.fn()} onConflict={vi.fn()} />);
    await userEvent.type(screen.getByLabelText(/^Name/), "Erik Björk");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    const summary = screen.getByRole("alert");
    expect(summary).toHaveFocus();
    const links = within(summary).getAllByRole("link").map((link) => [link.textContent, link.getAttribute("href")]);
    expect(links).toEqual([
      ["Enter the person's user ID", "#staff-userId"],
      ["Enter the person's email address", "#staff-email"],
      ["Choose at least one role", "#staff-roles"],
    ]);
    expect(screen.getByLabelText(/^User ID/)).toHaveAccessibleDescription(/Enter the person's user ID/);
    expect(screen.getByLabelText(/^Name/)).toHaveValue("Erik Björk");
    expect(put).not.toHaveBeenCalled();
  });

  it("shows the API's separation-of-duties refusal at the roles, keeping what was typed", async () => {
    vi.spyOn(api, "PUT").mockResolvedValue(
      answer(
        422,
        apiError("validation_error", [
          { loc: ["body", "roles"], msg: "Value error, tenant_admin cannot be held together with safety_manager" },
        ]),
      ) as never,
    );
    inRouter(<StaffForm existing={erik} units={units} onSaved={vi.fn()} onConflict={vi.fn()} />);
    await userEvent.click(screen.getByLabelText("Administrator"));
    await userEvent.click(screen.getByLabelText("Safety manager (needs confirmation)"));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    const summary = await screen.findByRole("alert");
    const link = within(summary).getByRole("link", { name: /An administrator cannot also be/ });
    expect(link).toHaveAttribute("href", "#staff-roles");
    expect(screen.getAllByText(/An administrator cannot also be/)).toHaveLength(2);
    expect(screen.getByLabelText("Administrator")).toBeChecked();
    expect(api.PUT).toHaveBeenCalledWith("/staff/{userId}", {
      params: { path: { userId: "kokkola-employee-erik" } },
      body: expect.objectContaining({ expectedVersion: 3, roles: ["supervisor", "tenant_admin", "safety_manager"] }),
    });
  });

  it("on a conflict says so, asks the page to reload and keeps the typed values", async () => {
    vi.spyOn(api, "PUT").mockResolvedValue(answer(409, apiError("conflict")) as never);
    const onConflict = vi.fn();
    inRouter(<StaffForm existing={erik} units={units} onSaved={vi.fn()} onConflict={onConflict} />);
    const name = screen.getByLabelText(/^Name/);
    await userEvent.clear(name);
    await userEvent.type(name, "Erik Björkman");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));

    expect(await screen.findByText(/Someone else changed this person's details/)).toBeInTheDocument();
    expect(onConflict).toHaveBeenCalledOnce();
    expect(name).toHaveValue("Erik Björkman");
  });

  it("hands the saved entry on", async () => {
    const saved = { ...erik, pendingGrants: [{ role: "safety_representative" as const, changeId: "x", requestedAt: "2026-12-03T10:00:00Z" }] };
    vi.spyOn(api, "PUT").mockResolvedValue(answer(200, saved) as never);
    const onSaved = vi.fn();
    inRouter(<StaffForm existing={erik} units={units} onSaved={onSaved} onConflict={vi.fn()} />);
    await userEvent.click(screen.getByLabelText("Safety representative (needs confirmation)"));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
  });
});

describe("after a save", () => {
  it("says plainly that a case-handling role waits for an overseer and changes nothing until then", async () => {
    render(<DirectoryNoticeView notice={{ kind: "saved", name: "Erik Björk", pending: ["safety_representative"] }} />);
    const status = screen.getByRole("status");
    expect(await within(status).findByText("Saved: Erik Björk.")).toBeInTheDocument();
    expect(status).toHaveTextContent(
      "Waiting for confirmation: safety representative. A safety manager or the HR director must confirm it before it takes effect. Until then the person's roles do not change",
    );
  });

  it("says nothing about confirmation when no role waits", async () => {
    render(<DirectoryNoticeView notice={{ kind: "saved", name: "Erik Björk", pending: [] }} />);
    expect(await screen.findByText("Saved: Erik Björk.")).toBeInTheDocument();
    expect(screen.queryByText(/Waiting for confirmation/)).not.toBeInTheDocument();
  });
});
