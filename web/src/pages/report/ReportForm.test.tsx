import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ApiFailure } from "../../api/client";
import { validateDetails } from "./reportDraft";
import { answer, errorBody, RECEIPT, renderReportAt, stubPublicApi, TYPES } from "./testSupport";

const user = () => userEvent.setup();

async function continueStep(u: ReturnType<typeof user>) {
  await u.click(screen.getByRole("button", { name: "Jatka" }));
}

/** Type → details → handler (Liisa) → recusal (Sari) → check. */
async function fillUpToCheck(u: ReturnType<typeof user>, whatHappened = "Minulle huudettiin palaverissa.") {
  await u.click(await screen.findByLabelText("Häirintä tai epäasiallinen kohtelu"));
  await continueStep(u);
  await u.type(await screen.findByLabelText(/Mitä tapahtui\?/), whatHappened);
  await continueStep(u);
  await u.click(await screen.findByLabelText("Liisa Niemi"));
  await continueStep(u);
  await u.click(await screen.findByLabelText("Sari Koskinen"));
  await continueStep(u);
  await screen.findByRole("heading", { level: 1, name: "Tarkista ilmoitus ennen lähettämistä" });
}

describe("the report form", () => {
  it("shows an error summary that takes focus and links to the field, and the same message beside it", async () => {
    stubPublicApi(() => answer(201, RECEIPT));
    const u = user();
    renderReportAt("/kokkola/report");
    await screen.findByLabelText("Häirintä tai epäasiallinen kohtelu");
    await continueStep(u);
    const summary = screen.getByRole("alert");
    expect(summary).toHaveFocus();
    const link = screen.getByRole("link", { name: "Valitse, mistä haluat ilmoittaa" });
    await u.click(link);
    expect(document.getElementById("report-type")).toHaveFocus();
    expect(document.getElementById("report-type-error")).toHaveTextContent("Valitse, mistä haluat ilmoittaa");
  });

  it("asks for a required answer on submit and keeps what was typed", async () => {
    stubPublicApi(() => answer(201, RECEIPT));
    const u = user();
    renderReportAt("/kokkola/report");
    await u.click(await screen.findByLabelText("Häirintä tai epäasiallinen kohtelu"));
    await continueStep(u);
    const where = await screen.findByLabelText(/Missä se tapahtui\?/);
    await u.type(where, "Opettajainhuone");
    // Nothing is said while typing.
    expect(screen.queryByRole("alert")).toBeNull();
    await continueStep(u);
    expect(screen.getByRole("alert")).toHaveFocus();
    expect(screen.getByRole("link", { name: "Vastaa kysymykseen: Mitä tapahtui?" })).toBeInTheDocument();
    expect(screen.getByLabelText(/Mitä tapahtui\?/)).toHaveAttribute("aria-invalid", "true");
    expect(where).toHaveValue("Opettajainhuone");
    // Report content: no autocomplete, no spell-check service.
    expect(where).toHaveAttribute("autocomplete", "off");
    expect(where).toHaveAttribute("spellcheck", "false");
  });

  it("refuses an answer longer than the type allows", () => {
    const type = TYPES.items[0]!;
    const t = (key: string, options?: Record<string, unknown>) => `${key} ${JSON.stringify(options)}`;
    const draft = { typeKey: "harassment", answers: { whatHappened: "x", where: "y".repeat(301) }, unitId: "", handlerId: "", recusedIds: [] };
    expect(validateDetails(draft, type, t)).toEqual([
      { fieldId: "answer-where", message: `errors.tooLong ${JSON.stringify({ label: "Missä se tapahtui?", max: 300 })}` },
    ]);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("puts an API 422 beside the field it concerns, on that field's step", async () => {
    stubPublicApi(() =>
      answer(422, errorBody("validation_error", [{ loc: ["body", "answers", "whatHappened"], msg: "is too long" }])),
    );
    const u = user();
    renderReportAt("/kokkola/report");
    await fillUpToCheck(u);
    await u.click(screen.getByRole("button", { name: "Lähetä ilmoitus" }));
    await screen.findByRole("heading", { level: 1, name: "Kerro, mitä tapahtui" });
    const message = "Mitä tapahtui?: palvelu ei hyväksynyt vastausta. Tarkista se.";
    await waitFor(() => expect(screen.getByRole("alert")).toHaveFocus());
    expect(screen.getByRole("link", { name: message })).toBeInTheDocument();
    expect(document.getElementById("answer-whatHappened-error")).toHaveTextContent(message);
    expect(screen.getByLabelText(/Mitä tapahtui\?/)).toHaveValue("Minulle huudettiin palaverissa.");
  });

  it("reuses the idempotency key on a retry after a network error, and makes a new one for a changed report", async () => {
    const keys: string[] = [];
    let calls = 0;
    stubPublicApi((init) => {
      keys.push(init.params!.header!["Idempotency-Key"]!);
      calls += 1;
      // openapi-fetch throws when the network fails; unwrap turns it into status 0.
      return calls <= 2 ? Promise.reject(new TypeError("Failed to fetch")) : answer(201, RECEIPT);
    });
    const u = user();
    const { router } = renderReportAt("/kokkola/report");
    await fillUpToCheck(u);
    const send = () => u.click(screen.getByRole("button", { name: "Lähetä ilmoitus" }));
    await send();
    await screen.findByText(/yhteys palveluun ei toiminut/i);
    await send();
    await screen.findByText(/yhteys palveluun ei toiminut/i);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]!.length).toBeGreaterThanOrEqual(16);
    // A changed answer is another request: a new key, or the API would call it a conflict.
    await u.click(screen.getByRole("link", { name: /Muuta\s+Mitä tapahtui\?/ }));
    await u.type(await screen.findByLabelText(/Mitä tapahtui\?/), " Taas.");
    await continueStep(u);
    await screen.findByRole("heading", { level: 1, name: "Tarkista ilmoitus ennen lähettämistä" });
    await send();
    await screen.findByRole("heading", { level: 1, name: "Ilmoituksesi on lähetetty" });
    expect(keys).toHaveLength(3);
    expect(keys[2]).not.toBe(keys[0]);
    expect(router.state.location.pathname).toBe("/kokkola/report/receipt");
  });

  it("sends the choices the reporter made", async () => {
    const bodies: unknown[] = [];
    stubPublicApi((init) => {
      bodies.push(init.body);
      return answer(201, RECEIPT);
    });
    const u = user();
    renderReportAt("/kokkola/report");
    await fillUpToCheck(u);
    await u.click(screen.getByRole("button", { name: "Lähetä ilmoitus" }));
    await screen.findByRole("heading", { level: 1, name: "Ilmoituksesi on lähetetty" });
    expect(bodies).toEqual([
      {
        type: "harassment",
        answers: { whatHappened: "Minulle huudettiin palaverissa." },
        unitId: null,
        handlerId: "kokkola-safetyrep-liisa",
        recusedIds: ["kokkola-hrdir-sari"],
      },
    ]);
  });

  it("treats a failure without an answer as a network error", () => {
    expect(new ApiFailure(0, null).code).toBe("network");
  });
});
