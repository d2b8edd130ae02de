import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import { casesRoutes } from "./routes";
import { answer, caseFile, errorBody, renderAt, REPORT_TYPES, stubApi } from "./testSupport";

const PATH = "/cases/ab4de1745d2646e1960da7ad4b10229c";

afterEach(() => {
  vi.restoreAllMocks();
  void i18n.changeLanguage("fi");
});

function actionButtons() {
  return within(screen.getByRole("list", { name: "Toiminnot" }))
    .getAllByRole("button")
    .map((button) => button.textContent);
}

describe("the case file", () => {
  it("offers exactly the actions the API lists, whatever the caller's roles", async () => {
    stubApi({
      GET: {
        "/report-types": () => answer(200, REPORT_TYPES),
        "/cases/{caseId}": () =>
          answer(
            200,
            caseFile({
              availableActions: [
                { key: "acknowledge", label: "Kuittaa vastaanotto", to: "acknowledged", requiresResolution: false },
                { key: "close", label: "Sulje", to: "closed", requiresResolution: true },
              ],
            }),
          ),
      },
    });
    renderAt(casesRoutes.signedIn, PATH);
    expect(await screen.findByRole("heading", { level: 1, name: "Tapaus KOK-QBQ8-PD6Q" })).toBeInTheDocument();
    expect(actionButtons()).toEqual(["Kuittaa vastaanotto", "Sulje"]);
  });

  it("offers no action when the API lists none", async () => {
    stubApi({ GET: { "/cases/{caseId}": () => answer(200, caseFile({ role: "overseer", availableActions: [] })) } });
    renderAt(casesRoutes.signedIn, PATH);
    expect(await screen.findByText("Tapauksessa ei ole nyt sinulle tehtävää.")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Toiminnot" })).not.toBeInTheDocument();
    // Only the assignee writes to the reporter.
    expect(screen.queryByRole("textbox", { name: /^Viesti/ })).not.toBeInTheDocument();
  });

  it("on a 409 keeps the typed comment, says someone else changed the case and loads it again", async () => {
    const user = userEvent.setup();
    const close = { key: "close", label: "Sulje", to: "closed", requiresResolution: true };
    let reads = 0;
    const { post } = stubApi({
      GET: {
        "/cases/{caseId}": () => {
          reads += 1;
          return answer(200, caseFile({ version: reads, availableActions: [close] }));
        },
      },
      POST: { "/cases/{caseId}/transitions": () => answer(409, errorBody("conflict")) },
    });
    renderAt(casesRoutes.signedIn, PATH);
    await user.click(await screen.findByRole("button", { name: "Sulje" }));
    await user.click(screen.getByRole("radio", { name: "Ratkaistu" }));
    await user.type(screen.getByRole("textbox", { name: /^Kommentti/ }), "Sovittu yhteisessä palaverissa.");
    await user.click(screen.getByRole("button", { name: "Vahvista: Sulje" }));

    expect(await screen.findByText(i18n.t("common:errors.conflict"))).toBeInTheDocument();
    expect(post).toHaveBeenCalledWith(
      "/cases/{caseId}/transitions",
      expect.objectContaining({ body: expect.objectContaining({ action: "close", expectedVersion: 1, resolution: "resolved" }) }),
    );
    await waitFor(() => expect(reads).toBe(2));
    expect(screen.getByRole("textbox", { name: /^Kommentti/ })).toHaveValue("Sovittu yhteisessä palaverissa.");

    // The next attempt sends the version just loaded.
    await user.click(screen.getByRole("button", { name: "Vahvista: Sulje" }));
    await waitFor(() =>
      expect(post).toHaveBeenLastCalledWith(
        "/cases/{caseId}/transitions",
        expect.objectContaining({ body: expect.objectContaining({ expectedVersion: 2 }) }),
      ),
    );
  });

  it("asks for a resolution before closing, in the summary and beside the field", async () => {
    const user = userEvent.setup();
    const { post } = stubApi({
      GET: {
        "/cases/{caseId}": () =>
          answer(200, caseFile({ availableActions: [{ key: "close", label: "Sulje", to: "closed", requiresResolution: true }] })),
      },
    });
    renderAt(casesRoutes.signedIn, PATH);
    await user.click(await screen.findByRole("button", { name: "Sulje" }));
    await user.click(screen.getByRole("button", { name: "Vahvista: Sulje" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "Valitse, miten tapaus ratkesi" })).toBeInTheDocument();
    expect(summary).toHaveFocus();
    expect(screen.getAllByText("Valitse, miten tapaus ratkesi")).toHaveLength(2);
    expect(post).not.toHaveBeenCalled();
  });

  it("announces a sent message and empties the box", async () => {
    const user = userEvent.setup();
    const { post } = stubApi({
      GET: { "/cases/{caseId}": () => answer(200, caseFile()) },
      POST: { "/cases/{caseId}/messages": () => answer(201, { messageId: "m1", sentAt: "2026-12-03T18:00:00Z" }) },
    });
    renderAt(casesRoutes.signedIn, PATH);
    await user.type(await screen.findByRole("textbox", { name: /^Viesti/ }), "Otan yhteyttä huomenna.");
    await user.click(screen.getByRole("button", { name: "Lähetä viesti" }));
    const status = await screen.findByText("Viestisi lähetettiin ilmoittajalle.");
    expect(status.closest("[role=status]")).not.toBeNull();
    expect(screen.getByRole("textbox", { name: /^Viesti/ })).toHaveValue("");
    const [, init] = post.mock.calls[0] as unknown as [string, { params: { header: Record<string, string> } }];
    expect(init.params.header["Idempotency-Key"]).toMatch(/.{16,}/);
  });

  it("says not found, the same for a missing case and one outside the caller's rights", async () => {
    stubApi({ GET: { "/cases/{caseId}": () => answer(404, errorBody("not_found")) } });
    renderAt(casesRoutes.signedIn, PATH);
    expect(await screen.findByText(i18n.t("common:errors.notFound"))).toBeInTheDocument();
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
  });
});
