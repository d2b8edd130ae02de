import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { answer, RECEIPT, renderReportAt, stubPublicApi } from "./testSupport";

/** Sends a report through the form and lands on its receipt. */
async function sendAndSeeReceipt() {
  stubPublicApi(() => answer(201, RECEIPT));
  const u = userEvent.setup();
  const view = renderReportAt("/kokkola/report");
  await u.click(await screen.findByLabelText("Häirintä tai epäasiallinen kohtelu"));
  await u.click(screen.getByRole("button", { name: "Jatka" }));
  await u.type(await screen.findByLabelText(/Mitä tapahtui\?/), "Salainen kuvaus");
  await u.click(screen.getByRole("button", { name: "Jatka" }));
  await u.click(await screen.findByLabelText("Liisa Niemi"));
  await u.click(screen.getByRole("button", { name: "Jatka" }));
  await u.click(await screen.findByRole("button", { name: "Jatka" }));
  await u.click(await screen.findByRole("button", { name: "Lähetä ilmoitus" }));
  await screen.findByRole("heading", { level: 1, name: "Ilmoituksesi on lähetetty" });
  return { u, ...view };
}

describe("the receipt", () => {
  it("is shown with its reference, copied on request and the copy announced", async () => {
    const writeText = vi.fn(() => Promise.resolve());
    const { u } = await sendAndSeeReceipt();
    // user-event installs its own clipboard on setup; ours replaces it to see the call.
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    expect(screen.getByText(RECEIPT.receipt)).toBeInTheDocument();
    expect(screen.getByText(RECEIPT.reference)).toBeInTheDocument();
    expect(screen.getByText(/näytetään vain tämän kerran/)).toBeInTheDocument();
    await u.click(screen.getByRole("button", { name: "Kopioi koodi" }));
    expect(writeText).toHaveBeenCalledWith(RECEIPT.receipt);
    expect(await screen.findByText("Kuittauskoodi kopioitiin.")).toHaveAttribute("role", "status");
  });

  it("asks before leaving within the app, and stays when told so", async () => {
    const { u, router } = await sendAndSeeReceipt();
    await act(() => router.navigate("/elsewhere"));
    const dialog = await screen.findByRole("alertdialog", { name: "Oletko tallentanut kuittauskoodin?" });
    expect(screen.getByRole("button", { name: "En, pysy tällä sivulla" })).toHaveFocus();
    await u.click(screen.getByRole("button", { name: "En, pysy tällä sivulla" }));
    expect(dialog).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/kokkola/report/receipt");
    expect(screen.getByText(RECEIPT.receipt)).toBeInTheDocument();

    await act(() => router.navigate("/elsewhere"));
    await u.click(await screen.findByRole("button", { name: "Kyllä, poistu sivulta" }));
    expect(await screen.findByRole("heading", { name: "Elsewhere" })).toBeInTheDocument();
    // Gone for good: back on the receipt's address, it is not shown again.
    await act(() => router.navigate("/kokkola/report/receipt"));
    expect(await screen.findByRole("heading", { level: 1, name: "Kuittauskoodia ei enää näytetä" })).toBeInTheDocument();
    expect(screen.queryByText(RECEIPT.receipt)).toBeNull();
  });

  it("asks the browser to confirm a reload or a closed tab, but never holds up quick exit", async () => {
    await sendAndSeeReceipt();
    const unload = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);
    // Quick exit empties the page before it leaves.
    document.body.replaceChildren();
    const exit = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(exit);
    expect(exit.defaultPrevented).toBe(false);
  });

  it("leaves without asking once the person says the code is saved", async () => {
    const { u, router } = await sendAndSeeReceipt();
    await u.click(screen.getByRole("button", { name: "Olen tallentanut koodin" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(router.state.location.pathname).toBe("/kokkola/follow-up");
  });

  it("is never put in the address, the title or browser storage", async () => {
    const { router } = await sendAndSeeReceipt();
    const everywhere = [router.state.location.pathname, router.state.location.search, document.title, JSON.stringify(history.state)];
    for (const storage of [localStorage, sessionStorage])
      for (let i = 0; i < storage.length; i += 1) everywhere.push(storage.getItem(storage.key(i)!) ?? "");
    for (const place of everywhere) {
      expect(place ?? "").not.toContain(RECEIPT.receipt);
      expect(place ?? "").not.toContain("Salainen");
    }
  });
});
