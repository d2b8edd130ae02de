import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { api } from "../../../api/client";
import i18n from "../../../i18n";
import { answer, apiError } from "../../admin/testSupport";
import { ProposePage } from "./ProposePage";
import { serviceView } from "./testSupport";

const me = { userId: "ii-employee-1", roles: ["employee"], features: { serviceTray: true } };
vi.mock("../../../session/SessionProvider", async (original) => ({
  ...(await original<typeof import("../../../session/SessionProvider")>()),
  useSession: () => ({ me }),
}));

beforeAll(() => i18n.changeLanguage("en"));
beforeEach(() => {
  me.features.serviceTray = true;
});
afterEach(() => vi.restoreAllMocks());

async function fillIn() {
  const user = userEvent.setup();
  const english = within(screen.getByRole("group", { name: "In English" }));
  await user.type(english.getByRole("textbox", { name: /Name of the service/ }), "Walking group");
  await user.type(english.getByRole("textbox", { name: /Description/ }), "An hour's walk after work.");
  await user.click(screen.getByText("Physical wellbeing"));
  await user.click(screen.getByText("Online"));
  await user.click(screen.getByText("On request"));
  return user;
}

const renderPage = () =>
  render(
    <MemoryRouter>
      <ProposePage />
    </MemoryRouter>,
  );

describe("proposing a service", () => {
  it("sends a peer proposal; a retry of the same details after a failure reuses its Idempotency-Key; then the confirmation", async () => {
    const post = vi
      .spyOn(api, "POST")
      .mockResolvedValueOnce(answer(503, apiError("unavailable")) as never)
      .mockResolvedValue(answer(201, serviceView({ status: "pending_approval" })) as never);
    renderPage();
    const user = await fillIn();
    await user.click(screen.getByRole("button", { name: "Send for approval" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/Something went wrong/);
    await user.click(screen.getByRole("button", { name: "Send for approval" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Your service was sent for approval" })).toHaveFocus();
    expect(screen.getByRole("link", { name: "My services" })).toHaveAttribute("href", "/tray/my-services");
    const [first, second] = post.mock.calls.map((call) => call[1] as { params: { header: Record<string, string> }; body: unknown });
    expect(first?.params.header["Idempotency-Key"]).toBe(second?.params.header["Idempotency-Key"]);
    expect(first?.body).toMatchObject({ kind: "peer", provider: { userId: "ii-employee-1" }, publish: false });
  });

  it("answers kindly when the tray is not open for the person's group", async () => {
    vi.spyOn(api, "POST").mockResolvedValue(answer(403, apiError("not_available_for_group")) as never);
    renderPage();
    const user = await fillIn();
    await user.click(screen.getByRole("button", { name: "Send for approval" }));
    expect(await screen.findByText(/not yet open for your group/)).toBeInTheDocument();
  });

  it("says so at once when the person's group has no tray yet", () => {
    me.features.serviceTray = false;
    renderPage();
    expect(screen.getByText(/not yet open for your group/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Send for approval" })).not.toBeInTheDocument();
  });
});
