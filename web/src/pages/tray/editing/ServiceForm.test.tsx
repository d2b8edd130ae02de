import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { ApiFailure } from "../../../api/client";
import i18n from "../../../i18n";
import { apiError } from "../../admin/testSupport";
import { ServiceForm } from "./ServiceForm";
import { serviceView } from "./testSupport";

const me = {
  userId: "oulunkaari-coordinator-1",
  roles: ["wellbeing_coordinator"],
  tenant: {
    employeeGroups: [
      { id: "hoitotyo", name: { fi: "Hoitotyö", en: "Nursing" } },
      { id: "hallinto", name: { fi: "Hallinto", en: "Administration" } },
    ],
    tenantGroups: ["oulunkaari-region"],
  },
};
vi.mock("../../../session/SessionProvider", async (original) => ({
  ...(await original<typeof import("../../../session/SessionProvider")>()),
  useSession: () => ({ me }),
}));

beforeAll(() => i18n.changeLanguage("en"));

function renderForm(onSubmit = vi.fn(), mode: "propose" | "create" | "edit" = "propose", existing = undefined as never) {
  render(
    <MemoryRouter>
      <ServiceForm
        mode={mode}
        existing={existing}
        myUserId="ii-employee-1"
        choices={[{ value: "send", label: "Send for approval" }]}
        cancelTo="/tray"
        onSubmit={onSubmit}
      />
    </MemoryRouter>,
  );
  return onSubmit;
}

const english = () => within(screen.getByRole("group", { name: "In English" }));

describe("the service form", () => {
  it("a proposal has no kind or provider to choose: it is the proposer's own peer service", () => {
    renderForm();
    expect(screen.queryByRole("group", { name: /Kind of service/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("group", { name: /Who provides/ })).not.toBeInTheDocument();
    expect(screen.getByText(/you \(your name and email/)).toBeInTheDocument();
  });

  it("checks on submit: the summary takes focus and links to the fields, what was typed stays, nothing is sent", async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm();
    await user.type(english().getByRole("textbox", { name: /Name of the service/ }), "Walking group");
    await user.click(screen.getByRole("button", { name: "Send for approval" }));

    const summary = screen.getByRole("alert");
    expect(summary).toHaveFocus();
    const links = within(summary).getAllByRole("link").map((link) => [link.textContent, link.getAttribute("href")]);
    expect(links).toEqual([
      ["Write the description in English too (the same languages as the name)", "#service-description-en"],
      ["Choose a category", "#service-category"],
      ["Choose the format", "#service-format"],
      ["Choose whether the service is at set times or on request", "#service-timing"],
    ]);
    expect(english().getByRole("textbox", { name: /Name of the service/ })).toHaveValue("Walking group");
    expect(english().getByRole("textbox", { name: /Description/ })).toHaveAccessibleDescription(/Write the description in English too/);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("sends a peer proposal, and shows the API's refusal at the field it names, keeping what was typed", async () => {
    const user = userEvent.setup();
    const onSubmit = renderForm(
      vi.fn().mockRejectedValue(
        new ApiFailure(422, apiError("validation_error", [{ loc: ["body", "title", "en"], msg: "String should have at least 3 characters" }])),
      ),
    );
    await user.type(english().getByRole("textbox", { name: /Name of the service/ }), "Walking group");
    await user.type(english().getByRole("textbox", { name: /Description/ }), "An hour's walk after work.");
    await user.click(screen.getByText("Physical wellbeing"));
    await user.click(screen.getByText("Online"));
    await user.click(screen.getByText("On request"));
    await user.click(screen.getByRole("button", { name: "Send for approval" }));

    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        title: { en: "Walking group" },
        kind: "peer",
        provider: { userId: "ii-employee-1" },
        format: "online",
        onRequest: true,
        sessions: [],
      }),
      "send",
    );
    const summary = await screen.findByRole("alert");
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole("link", { name: "The name in English must be 3–120 characters" })).toHaveAttribute(
      "href",
      "#service-title-en",
    );
    expect(english().getByRole("textbox", { name: /Name of the service/ })).toHaveValue("Walking group");
  });

  it("adds and removes times", async () => {
    const user = userEvent.setup();
    renderForm();
    await user.click(screen.getByText("At set times"));
    await user.click(screen.getByRole("button", { name: "Add a time" }));
    expect(screen.getByRole("group", { name: "Time 2" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove time 1" }));
    expect(screen.queryByRole("group", { name: "Time 2" })).not.toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Time 1" })).toBeInTheDocument();
  });

  it("starts an edit from the stored service, its reach chosen as stored", () => {
    const stored = serviceView();
    renderForm(vi.fn(), "create", { ...stored.details, sharedWithGroup: "oulunkaari-region" } as never);
    expect(within(screen.getByRole("group", { name: "In Finnish" })).getByRole("textbox", { name: /Name of the service/ })).toHaveValue(
      "Kuntosali",
    );
    expect(screen.getByRole("textbox", { name: /Name of the organisation/ })).toHaveValue("Iin liikuntapalvelut");
    expect(screen.getByRole("radio", { name: /tenant group oulunkaari-region/ })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Everyone the tray is open to" })).toBeChecked();
  });

  it("lets a coordinator offer a service to chosen employee groups and share it with the tenant group", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn().mockResolvedValue(undefined);
    const existing = serviceView().details;
    renderForm(onSubmit, "edit", existing as never);

    await user.click(screen.getByRole("radio", { name: "Only chosen employee groups" }));
    await user.click(screen.getByRole("button", { name: "Send for approval" }));
    const summary = screen.getByRole("alert");
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole("link", { name: /Choose at least one employee group/ })).toHaveAttribute(
      "href",
      "#service-audienceGroups",
    );
    expect(onSubmit).not.toHaveBeenCalled();

    await user.click(screen.getByRole("checkbox", { name: "Nursing" }));
    await user.click(screen.getByRole("radio", { name: /tenant group oulunkaari-region/ }));
    await user.click(screen.getByRole("button", { name: "Send for approval" }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ audienceGroups: ["hoitotyo"], sharedWithGroup: "oulunkaari-region" }),
      "send",
    );
  });
});
