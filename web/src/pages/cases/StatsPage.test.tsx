import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { casesRoutes } from "./routes";
import { answer, renderAt, REPORT_TYPES, stubApi } from "./testSupport";
import { SUPPRESSED_NOTE_ID } from "./StatsTable";

afterEach(() => vi.restoreAllMocks());

const table = (rows: string[], columns: string[], count: (row: string, column: string) => number | null) => ({
  rows,
  columns,
  cells: rows.flatMap((row) => columns.map((column) => ({ row, column, count: count(row, column) }))),
  rowTotals: rows.map((key) => ({ key, count: null })),
  columnTotals: columns.map((key) => ({ key, count: null })),
  total: 12,
});

const STATS = {
  minimumCellSize: 5,
  byUnitAndType: table(["sivistys", "<none>"], ["harassment"], (row) => (row === "sivistys" ? null : 7)),
  byTypeAndState: table(["harassment"], ["received", "closed"], (_, column) => (column === "closed" ? 9 : null)),
  timeToMeetDeadlines: [
    { type: "harassment", deadline: "acknowledge", medianDays: 2.5 },
    { type: "harassment", deadline: "feedback", medianDays: null },
  ],
};

describe("case statistics", () => {
  it("shows a suppressed cell as a dash that points to the note on small numbers", async () => {
    stubApi({ GET: { "/stats/cases": () => answer(200, STATS), "/report-types": () => answer(200, REPORT_TYPES) } });
    renderAt(casesRoutes.signedIn, "/stats");
    const byUnit = await screen.findByRole("table", { name: "Tapaukset yksiköittäin ja tyypeittäin" });
    const note = document.getElementById(SUPPRESSED_NOTE_ID);
    expect(note).toHaveTextContent("pientä lukua");
    expect(note).toHaveTextContent("alle 5 tapausta");

    const row = within(byUnit).getByRole("row", { name: /Sivistyspalvelut/ });
    const cells = within(row).getAllByRole("cell");
    expect(cells[0]).toHaveTextContent("–");
    const dash = cells[0]!.querySelector(".stats-suppressed");
    expect(dash).toHaveAttribute("aria-describedby", SUPPRESSED_NOTE_ID);
    expect(cells[0]).toHaveTextContent("piilotettu, katso huomautus pienistä luvuista");
    // A number shown is the number, the total too.
    expect(within(within(byUnit).getByRole("row", { name: /Ei yksikköä/ })).getAllByRole("cell")[0]).toHaveTextContent(/^7$/);
    expect(within(byUnit).getByRole("rowheader", { name: "Yhteensä" })).toBeInTheDocument();
  });

  it("captions every table and scopes its header cells", async () => {
    stubApi({ GET: { "/stats/cases": () => answer(200, STATS), "/report-types": () => answer(200, REPORT_TYPES) } });
    renderAt(casesRoutes.signedIn, "/stats");
    await screen.findByRole("table", { name: "Tapaukset yksiköittäin ja tyypeittäin" });
    const tables = screen.getAllByRole("table");
    expect(tables).toHaveLength(3);
    for (const each of tables) {
      expect(each.querySelector("caption")?.textContent).toBeTruthy();
      for (const header of each.querySelectorAll("th")) expect(header.getAttribute("scope")).toMatch(/^(col|row)$/);
    }
    expect(screen.getAllByRole("columnheader", { name: "Häirintä tai epäasiallinen kohtelu" }).length).toBeGreaterThan(0);
    expect(screen.getByRole("columnheader", { name: "Vastaanotettu" })).toBeInTheDocument();
  });
});
