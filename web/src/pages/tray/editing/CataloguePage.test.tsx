import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { beforeAll, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
import { SUPPRESSED_NOTE_ID } from "../../cases/StatsTable";
import { CatalogueActions, OrderCounts } from "./CataloguePage";
import { serviceView } from "./testSupport";

beforeAll(() => i18n.changeLanguage("en"));

function renderActions(status: "draft" | "pending_approval" | "published" | "archived", onMove = vi.fn()) {
  const service = serviceView({ status });
  render(
    <MemoryRouter>
      <CatalogueActions service={service} title="Gym" onMove={onMove} />
    </MemoryRouter>,
  );
  return { service, onMove };
}

const actionNames = () => screen.getAllByRole("listitem").map((item) => item.textContent);

describe("the catalogue's actions", () => {
  it("offer the moves each status allows", () => {
    renderActions("draft");
    expect(actionNames()).toEqual(["Edit: Gym", "Publish: Gym", "Archive: Gym"]);
  });

  it("a published service goes back to draft or is archived", () => {
    renderActions("published");
    expect(actionNames()).toEqual(["Edit: Gym", "Back to draft: Gym", "Archive: Gym"]);
  });

  it("an archived service can only go back to draft; a proposal is decided on the approvals page", () => {
    renderActions("archived");
    expect(actionNames()).toEqual(["Edit: Gym", "Back to draft: Gym"]);
  });

  it("a proposal waiting is decided on the approvals page, not moved", () => {
    renderActions("pending_approval");
    expect(actionNames()).toEqual(["Edit: Gym", "Decide on the proposal"]);
    expect(screen.getByRole("link", { name: "Decide on the proposal" })).toHaveAttribute("href", "/tray/proposals");
  });

  it("publishing goes at once; archiving asks first, and Cancel leaves it be", async () => {
    const user = userEvent.setup();
    const { service, onMove } = renderActions("draft");
    await user.click(screen.getByRole("button", { name: /^Publish/ }));
    expect(onMove).toHaveBeenCalledWith(service, "published");

    await user.click(screen.getByRole("button", { name: /^Archive/ }));
    const dialog = screen.getByRole("alertdialog", { name: "Archive the service?" });
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(onMove).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole("button", { name: /^Archive/ }));
    await user.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Archive" }));
    expect(onMove).toHaveBeenLastCalledWith(service, "archived");
  });
});

describe("the order counts", () => {
  it("shows the numbers of an ordinary service", () => {
    render(<OrderCounts service={serviceView()} />);
    expect(screen.getByText("Requested").nextSibling).toHaveTextContent("2");
    expect(screen.getByText("Total").nextSibling).toHaveTextContent("7");
  });

  it("shows a confidential service's hidden numbers as – explained by the note", () => {
    const suppressed = serviceView({
      details: { ...serviceView().details, confidential: true, provider: { userId: "kokkola-psychologist-maria" } },
      counts: { requested: null, accepted: null, completed: null, declined: null, cancelled: null, total: 6, suppressed: true },
    });
    render(<OrderCounts service={suppressed} />);
    const requested = screen.getByText("Requested").nextSibling as HTMLElement;
    expect(requested).toHaveTextContent("–");
    expect(requested.querySelector("[aria-describedby]")).toHaveAttribute("aria-describedby", SUPPRESSED_NOTE_ID);
    expect(screen.getByText("Total").nextSibling).toHaveTextContent("6");
  });
});
