import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { api } from "../../../api/client";
import i18n from "../../../i18n";
import { answer, apiError } from "../../admin/testSupport";
import { EditServicePage } from "./EditServicePage";
import { serviceView } from "./testSupport";

const me = { userId: "ii-employee-1", roles: ["employee"] };
vi.mock("../../../session/SessionProvider", async (original) => ({
  ...(await original<typeof import("../../../session/SessionProvider")>()),
  useSession: () => ({ me }),
}));

beforeAll(() => i18n.changeLanguage("en"));
afterEach(() => vi.restoreAllMocks());

const peer = serviceView({
  serviceId: "ii.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  status: "published",
  proposedBy: "ii-employee-1",
  details: { ...serviceView().details, kind: "peer", provider: { userId: "ii-employee-1" } },
});

function renderAt() {
  const router = createMemoryRouter(
    [
      { path: "/tray/services/:serviceId/edit", Component: EditServicePage },
      { path: "/tray/my-services", element: <h1>My services</h1> },
    ],
    { initialEntries: [`/tray/services/${peer.serviceId}/edit`] },
  );
  render(<RouterProvider router={router} />);
}

describe("editing a service", () => {
  it("tells a proposer that saving their published service sends it back for approval, and sends the version read", async () => {
    vi.spyOn(api, "GET").mockResolvedValue(answer(200, peer) as never);
    const patch = vi.spyOn(api, "PATCH").mockResolvedValue(answer(200, { ...peer, status: "pending_approval", version: 5 }) as never);
    renderAt();
    expect(await screen.findByText(/goes back to a coordinator for approval/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Save the changes" }));
    expect(patch).toHaveBeenCalledWith("/services/{serviceId}", {
      params: { path: { serviceId: peer.serviceId } },
      body: { expectedVersion: 4, details: expect.objectContaining({ kind: "peer", provider: { userId: "ii-employee-1" } }) },
    });
    expect(await screen.findByRole("heading", { name: "My services" })).toBeInTheDocument();
  });

  it("on a 409 loads the latest, says so, and starts the form again from it", async () => {
    const newer = { ...peer, version: 5, details: { ...peer.details, title: { fi: "Uusi nimi" } } };
    const get = vi
      .spyOn(api, "GET")
      .mockResolvedValueOnce(answer(200, peer) as never)
      .mockResolvedValue(answer(200, newer) as never);
    vi.spyOn(api, "PATCH").mockResolvedValue(answer(409, apiError("conflict")) as never);
    renderAt();
    const finnish = async () =>
      within(await screen.findByRole("group", { name: "In Finnish" })).getByRole("textbox", { name: /Name of the service/ });
    await userEvent.clear(await finnish());
    await userEvent.type(await finnish(), "Minun nimeni");
    await userEvent.click(screen.getByRole("button", { name: "Save the changes" }));

    const conflict = await screen.findByText(/Someone changed this service meanwhile/);
    expect(get).toHaveBeenCalledTimes(2);
    expect(await finnish()).toHaveValue("Uusi nimi");
    expect(conflict.closest("[role=alert]")).toHaveFocus();
  });
});
