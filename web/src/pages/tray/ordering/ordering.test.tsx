import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
import type { Me } from "../../../session/SessionProvider";
import { answer, errorBody, order, person, renderTray, service, stubApi } from "./testSupport";

let me: Me = person();
vi.mock("../../../session/SessionProvider", async (original) => ({
  ...(await original<typeof import("../../../session/SessionProvider")>()),
  useSession: () => ({ me }),
}));

beforeAll(() => i18n.changeLanguage("en"));
afterEach(() => {
  vi.restoreAllMocks();
  me = person();
});

type Call = [string, { params?: { header?: Record<string, string>; path?: Record<string, string> }; body?: Record<string, unknown> }];

describe("browsing the tray", () => {
  it("tells someone outside the rollout kindly that the tray is not open for their group, with no search", async () => {
    stubApi({ GET: { "/services": () => answer(403, errorBody("not_available_for_group")) } });
    renderTray("/tray");
    expect(
      await screen.findByText(/The service tray is being introduced in stages and is not yet open for your group\./),
    ).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(screen.queryByRole("searchbox")).not.toBeInTheDocument();
  });

  it("sends the URL's search to the API and shows who shares a service of another organisation", async () => {
    const { get } = stubApi({ GET: { "/services": () => answer(200, { items: [service()], nextCursor: null }) } });
    renderTray("/tray?q=taide&category=community");
    const card = (await screen.findByRole("link", { name: "Arts-based wellbeing at work" })).closest("li")!;
    expect(within(card).getByText("Shared by Oulunkaaren kuntayhtymä")).toBeInTheDocument();
    expect(within(card).getByText("5 places left")).toBeInTheDocument();
    const [, init] = (get.mock.calls as unknown as Call[]).find(([path]) => path === "/services")!;
    expect(init.params).toMatchObject({ query: { q: "taide", category: "community" } });
  });
});

describe("ordering a service", () => {
  it("keeps the Idempotency-Key when the same order is sent again after a failure", async () => {
    const user = userEvent.setup();
    let tries = 0;
    const { post } = stubApi({
      GET: { "/services/{serviceId}": () => answer(200, service()) },
      POST: {
        "/orders": () => {
          tries += 1;
          return tries === 1 ? answer(503, errorBody("unavailable")) : answer(201, order());
        },
      },
    });
    const router = renderTray("/tray/services/0f0e0d0c0b0a49a8a7a6a5a4a3a2a1a0");
    await user.click(await screen.findByRole("button", { name: "Order" }));
    expect(screen.getByRole("heading", { name: "Check your order" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Send the order" }));
    expect(await screen.findByRole("alert")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Send the order" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/tray/orders/oulunkaari.5cd13c808a264f7d9c7419231d089a29"));
    const keys = (post.mock.calls as unknown as Call[]).map(([, init]) => init.params?.header?.["Idempotency-Key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/.{16,}/);
    expect(keys[1]).toBe(keys[0]);
  });

  it("says plainly when the service filled up before the order arrived", async () => {
    const user = userEvent.setup();
    let reads = 0;
    stubApi({
      GET: {
        "/services/{serviceId}": () => {
          reads += 1;
          return answer(200, reads === 1 ? service() : service({ full: true, placesLeft: 0, version: 2 }));
        },
      },
      POST: { "/orders": () => answer(409, errorBody("capacity_full")) },
    });
    renderTray("/tray/services/0f0e0d0c0b0a49a8a7a6a5a4a3a2a1a0");
    await user.click(await screen.findByRole("button", { name: "Order" }));
    await user.click(screen.getByRole("button", { name: "Send the order" }));
    expect(await screen.findByText("The service became full before your order arrived. No order was made.")).toBeInTheDocument();
    await waitFor(() => expect(reads).toBe(2));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Send the order" })).not.toBeInTheDocument());
    expect(screen.getByText("This service is full: no places are left.")).toBeInTheDocument();
  });

  it("lets a supervisor order for a unit of theirs", async () => {
    me = person({ roles: ["supervisor"], supervisedUnits: ["varhaiskasvatus"] });
    const user = userEvent.setup();
    const { post } = stubApi({
      GET: { "/services/{serviceId}": () => answer(200, service()) },
      POST: { "/orders": () => answer(201, order()) },
    });
    renderTray("/tray/services/0f0e0d0c0b0a49a8a7a6a5a4a3a2a1a0");
    await user.click(await screen.findByRole("button", { name: "Order" }));
    expect(screen.getByLabelText("For myself")).toBeChecked();
    await user.click(screen.getByLabelText("For my unit: varhaiskasvatus"));
    await user.click(screen.getByRole("button", { name: "Send the order" }));
    await waitFor(() => expect(post).toHaveBeenCalled());
    expect((post.mock.calls[0] as unknown as Call)[1].body).toEqual({ serviceId: service().serviceId, forUnit: "varhaiskasvatus" });
  });

  it("says why instead of an Order button for one's own service and a full one", async () => {
    stubApi({ GET: { "/services/{serviceId}": () => answer(200, service({}, { provider: { userId: "vaala-employee-1" } })) } });
    renderTray("/tray/services/0f0e0d0c0b0a49a8a7a6a5a4a3a2a1a0");
    expect(await screen.findByText("You provide this service yourself, so you cannot order it.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Order" })).not.toBeInTheDocument();
  });

  it("says plainly who sees the order of a confidential service", async () => {
    stubApi({ GET: { "/services/{serviceId}": () => answer(200, service({ placesLeft: null }, { confidential: true })) } });
    renderTray("/tray/services/0f0e0d0c0b0a49a8a7a6a5a4a3a2a1a0");
    expect(
      await screen.findByText("Only the provider sees your order; your supervisor and the coordinators do not."),
    ).toBeInTheDocument();
  });
});

describe("a proposal seen by its proposer", () => {
  it("shows its status and why it was rejected, and no Order button", async () => {
    stubApi({
      GET: {
        "/services/{serviceId}": () =>
          answer(
            200,
            service(
              { status: "draft", proposedBy: "vaala-employee-1", rejectionReason: "Say when it takes place." },
              { kind: "peer", provider: { userId: "vaala-employee-1" } },
            ),
          ),
      },
    });
    renderTray("/tray/services/0f0e0d0c0b0a49a8a7a6a5a4a3a2a1a0");
    expect(await screen.findByText("Say when it takes place.")).toBeInTheDocument();
    expect(screen.getByText("Draft")).toBeInTheDocument();
    expect(screen.getByText("This service is not published, so it cannot be ordered.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Order" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Approve and publish" })).not.toBeInTheDocument();
  });
});

describe("an order's actions", () => {
  const actions = async () =>
    within(await screen.findByRole("list", { name: "Actions" }))
      .getAllByRole("button")
      .map((button) => button.textContent);

  it("offers the handler accept and decline while requested, and shows who ordered", async () => {
    stubApi({ GET: { "/orders/{orderId}": () => answer(200, order({ parts: ["handler"] })) } });
    renderTray("/tray/orders/oulunkaari.5cd13c808a264f7d9c7419231d089a29");
    expect(await actions()).toEqual(["Accept", "Decline"]);
    expect(screen.getByRole("link", { name: "vaala-employee-1@vaala.example" })).toBeInTheDocument();
  });

  it("offers the orderer only cancel, asking first, and sends the version shown", async () => {
    const user = userEvent.setup();
    const { post } = stubApi({
      GET: { "/orders/{orderId}": () => answer(200, order({ status: "accepted", version: 4 })) },
      POST: { "/orders/{orderId}/transitions": () => answer(200, order({ status: "cancelled", version: 5 })) },
    });
    renderTray("/tray/orders/oulunkaari.5cd13c808a264f7d9c7419231d089a29");
    expect(await actions()).toEqual(["Cancel the order"]);
    expect(screen.queryByText("vaala-employee-1@vaala.example")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Cancel the order" }));
    const dialog = screen.getByRole("alertdialog", { name: "Cancel your order?" });
    expect(post).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole("button", { name: "Cancel the order" }));
    await waitFor(() => expect(post).toHaveBeenCalled());
    expect((post.mock.calls[0] as unknown as Call)[1].body).toEqual({ action: "cancel", expectedVersion: 4 });
  });

  it("offers an overseer nothing", async () => {
    stubApi({ GET: { "/orders/{orderId}": () => answer(200, order({ parts: ["overseer"] })) } });
    renderTray("/tray/orders/oulunkaari.5cd13c808a264f7d9c7419231d089a29");
    expect(await screen.findByText("There is nothing for you to do with this order now.")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Actions" })).not.toBeInTheDocument();
  });

  it("on a 409 says the order changed meanwhile and loads it again", async () => {
    const user = userEvent.setup();
    let reads = 0;
    stubApi({
      GET: {
        "/orders/{orderId}": () => {
          reads += 1;
          return answer(200, order({ parts: ["handler"], version: reads }));
        },
      },
      POST: { "/orders/{orderId}/transitions": () => answer(409, errorBody("version_conflict")) },
    });
    renderTray("/tray/orders/oulunkaari.5cd13c808a264f7d9c7419231d089a29");
    await user.click(await screen.findByRole("button", { name: "Accept" }));
    expect(await screen.findByText("The order changed meanwhile. You now see its latest state.")).toBeInTheDocument();
    await waitFor(() => expect(reads).toBe(2));
  });

  it("asks the orderer for feedback once completed, a rating required, and shows it once given", async () => {
    const user = userEvent.setup();
    let given = false;
    const { post } = stubApi({
      GET: {
        "/orders/{orderId}": () =>
          answer(200, order({ status: "completed", feedback: given ? { rating: 4, comment: "Good" } : null, version: given ? 3 : 2 })),
      },
      POST: {
        "/orders/{orderId}/feedback": () => {
          given = true;
          return answer(200, order({ status: "completed", feedback: { rating: 4, comment: "Good" }, version: 3 }));
        },
      },
    });
    renderTray("/tray/orders/oulunkaari.5cd13c808a264f7d9c7419231d089a29");
    await user.click(await screen.findByRole("button", { name: "Send feedback" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "Choose a rating from 1 to 5" })).toBeInTheDocument();
    expect(post).not.toHaveBeenCalled();
    await user.click(screen.getByLabelText("4 – Very good"));
    await user.type(screen.getByLabelText(/Comment/), "Good");
    await user.click(screen.getByRole("button", { name: "Send feedback" }));
    expect(await screen.findByRole("heading", { name: "Your feedback" })).toBeInTheDocument();
    expect((post.mock.calls[0] as unknown as Call)[1].body).toEqual({ rating: 4, comment: "Good", expectedVersion: 2 });
    expect(screen.queryByRole("button", { name: "Send feedback" })).not.toBeInTheDocument();
  });
});

describe("orders to handle", () => {
  it("lets a coordinator show the organisation's orders instead of their own", async () => {
    me = person({ roles: ["wellbeing_coordinator"] });
    const user = userEvent.setup();
    const { get } = stubApi({
      GET: { "/orders/incoming": () => answer(200, { items: [order({ parts: ["handler"] })], nextCursor: null }) },
    });
    renderTray("/tray/orders/incoming");
    expect(await screen.findByRole("button", { name: "Accept" })).toBeInTheDocument();
    await user.click(screen.getByLabelText("The organisation's orders"));
    await user.click(screen.getByRole("button", { name: "Show" }));
    await waitFor(() =>
      expect((get.mock.calls as unknown as Call[]).filter(([path]) => path === "/orders/incoming").map(([, init]) => init.params)).toEqual([
        { query: { handler: "me" } },
        { query: { handler: "organisation" } },
      ]),
    );
  });

  it("gives others no choice of the organisation's orders", async () => {
    stubApi({ GET: { "/orders/incoming": () => answer(200, { items: [], nextCursor: null }) } });
    renderTray("/tray/orders/incoming");
    expect(await screen.findByText("There are no orders to handle.")).toBeInTheDocument();
    expect(screen.queryByRole("radio")).not.toBeInTheDocument();
  });
});

describe("the coordinator's approvals", () => {
  it("needs a reason to reject, keeps it, and sends it with the version shown", async () => {
    me = person({ roles: ["wellbeing_coordinator"], tenant: { id: "oulunkaari", name: { fi: "Oulunkaari" }, languages: ["fi"], employeeGroups: [], tenantGroups: ["oulunkaari-region"] } });
    const user = userEvent.setup();
    const proposal = service({ status: "pending_approval", proposedBy: "oulunkaari-employee-1", version: 7 }, { kind: "peer" });
    const { post } = stubApi({
      GET: { "/services": () => answer(200, { items: [proposal], nextCursor: null }) },
      POST: { "/services/{serviceId}/decision": () => answer(200, { ...proposal, status: "draft" }) },
    });
    renderTray("/tray/proposals");
    await user.click(await screen.findByRole("button", { name: "Reject" }));
    await user.click(screen.getByRole("button", { name: "Reject the proposal" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "Enter the reason for rejection" })).toBeInTheDocument();
    await waitFor(() => expect(summary).toHaveFocus());
    expect(post).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText(/Reason for rejection/), "Too vague");
    await user.click(screen.getByRole("button", { name: "Reject the proposal" }));
    await waitFor(() => expect(post).toHaveBeenCalled());
    expect((post.mock.calls[0] as unknown as Call)[1].body).toEqual({ decision: "reject", expectedVersion: 7, reason: "Too vague" });
  });

  it("is not for others", async () => {
    const { get } = stubApi({});
    renderTray("/tray/proposals");
    expect(await screen.findByText("This screen is for the wellbeing coordinators of your organisation.")).toBeInTheDocument();
    expect(get).not.toHaveBeenCalledWith("/services", expect.anything());
  });
});
