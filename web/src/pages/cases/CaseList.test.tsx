import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CaseList } from "./CaseList";
import { caseFile, renderAt } from "./testSupport";

function summary(overrides: Partial<ReturnType<typeof caseFile>>) {
  const { answers, metDeadlines, timeline, messages, availableActions, events, ...rest } = caseFile(overrides);
  void [answers, metDeadlines, timeline, messages, availableActions, events];
  return rest;
}

function renderList(items: ReturnType<typeof summary>[]) {
  return renderAt([{ path: "*", element: <CaseList items={items} /> }], "/cases");
}

describe("the inbox list", () => {
  it("marks an overdue case in words with a status label, not by colour alone", () => {
    renderList([
      summary({
        caseId: "a".repeat(32),
        reference: "KOK-LATE-0001",
        overdue: true,
        deadlines: [{ key: "acknowledge", label: "Vastaanoton kuittaus", dueAt: "2026-11-01T21:59:59Z", overdue: true }],
      }),
      summary({ caseId: "b".repeat(32), reference: "KOK-SOON-0002" }),
    ]);
    const table = screen.getByRole("table");
    const late = within(table).getByRole("row", { name: /KOK-LATE-0001/ });
    const label = within(late).getByText("Myöhässä");
    expect(label).toHaveClass("hds-status-label", "hds-status-label--alert");
    expect(within(within(table).getByRole("row", { name: /KOK-SOON-0002/ })).queryByText("Myöhässä")).toBeNull();
  });

  it("links each reference to its case file and shows the nearest deadline", () => {
    renderList([summary({ caseId: "c".repeat(32), reference: "KOK-NEXT-0003" })]);
    const table = screen.getByRole("table");
    expect(within(table).getByRole("link", { name: "KOK-NEXT-0003" })).toHaveAttribute("href", `/cases/${"c".repeat(32)}`);
    expect(within(table).getByText(/Vastaanoton kuittaus:/)).toBeInTheDocument();
    expect(within(table).getAllByRole("columnheader").map((header) => header.textContent)).toEqual([
      "Viite",
      "Tyyppi",
      "Tila",
      "Vastaanotettu",
      "Seuraava määräaika",
    ]);
  });
});
