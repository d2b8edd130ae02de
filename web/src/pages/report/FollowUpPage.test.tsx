import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { answer, RECEIPT, renderReportAt, stubApi, TYPES } from "./testSupport";

const FOLLOW_UP = {
  reference: RECEIPT.reference,
  status: "received",
  resolution: null,
  receivedAt: RECEIPT.receivedAt,
  updatedAt: RECEIPT.receivedAt,
  statusHistory: [{ status: "received", at: RECEIPT.receivedAt }],
  messages: [],
};

describe("the anonymous follow-up", () => {
  it("stays closed when a refresh started before Close answers after it", async () => {
    let lookUps = 0;
    let answerLate: (value: unknown) => void = () => undefined;
    stubApi({
      GET: { "/public/{tenant}/report-types": () => answer(200, TYPES) },
      POST: {
        "/public/{tenant}/follow-up": () => {
          lookUps += 1;
          if (lookUps === 1) return answer(200, FOLLOW_UP);
          // The refresh after the reply: held until the case has been closed.
          return new Promise((resolve) => (answerLate = resolve));
        },
        "/public/{tenant}/follow-up/messages": () => answer(201, { messageId: "m1" }),
      },
    });
    const u = userEvent.setup();
    renderReportAt("/kokkola/follow-up");
    await u.type(await screen.findByLabelText(/Kuittauskoodi/), RECEIPT.receipt);
    await u.click(screen.getByRole("button", { name: "Näytä ilmoitus" }));
    expect(await screen.findByText(RECEIPT.reference)).toBeInTheDocument();

    await u.type(screen.getByLabelText(/Viestisi/), "Vielä yksi asia");
    await u.click(screen.getByRole("button", { name: "Lähetä viesti" }));
    await screen.findByText("Viestisi lähetettiin.");
    expect(lookUps).toBe(2);
    await u.click(screen.getByRole("button", { name: "Sulje ilmoitus" }));
    expect(await screen.findByText("Ilmoitus suljettiin ja kuittauskoodi unohdettiin.")).toBeInTheDocument();

    await act(async () => {
      answerLate(await answer(200, { ...FOLLOW_UP, messages: [] }));
    });
    expect(screen.queryByText(RECEIPT.reference)).toBeNull();
    expect(screen.queryByRole("button", { name: "Sulje ilmoitus" })).toBeNull();
    expect(screen.getByText("Ilmoitus suljettiin ja kuittauskoodi unohdettiin.")).toBeInTheDocument();
  });
});
