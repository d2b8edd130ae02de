import { render, screen } from "@testing-library/react";
import { createMemoryRouter, RouterProvider } from "react-router";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answer, RECEIPT, renderReportAt, stubApi, TYPES } from "./testSupport";
import { readDraft } from "../../session/drafts";
import { reportRoutes } from "./routes";

const REPORT_ID = "0123456789abcdef0123456789abcdef";
const REPORT = {
  reportId: REPORT_ID,
  reference: RECEIPT.reference,
  type: "harassment",
  unitId: null,
  status: "received",
  resolution: null,
  receivedAt: RECEIPT.receivedAt,
  updatedAt: RECEIPT.receivedAt,
  statusHistory: [{ status: "received", at: RECEIPT.receivedAt }],
  messages: [],
  answers: { whatHappened: "Kuvaus" },
  deadlines: {},
};

describe("the reply to a handler", () => {
  it("keeps the unsent text when the page goes away (a session timeout) and comes back", async () => {
    stubApi({
      GET: { "/reports/{reportId}": () => answer(200, REPORT), "/report-types": () => answer(200, TYPES) },
    });
    const u = userEvent.setup();
    const first = renderReportAt(`/reports/${REPORT_ID}`);
    await u.type(await screen.findByLabelText(/Viestisi/), "Vielä yksi asia");
    first.unmount();
    expect(readDraft(`reply:${REPORT_ID}`)).toBe("Vielä yksi asia");
    // Back on the page (signed in again): the text is there, in the box.
    render(<RouterProvider router={createMemoryRouter(reportRoutes.signedIn, { initialEntries: [`/reports/${REPORT_ID}`] })} />);
    expect(await screen.findByLabelText(/Viestisi/)).toHaveValue("Vielä yksi asia");
  });
});
