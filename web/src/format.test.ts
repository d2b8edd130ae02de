import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay } from "./format";

// 22:30 UTC on 3 December is already 4 December, 00:30, in Helsinki (UTC+2 in winter).
const LATE = "2026-12-03T22:30:00Z";

describe("dates", () => {
  it("are in Helsinki time, in the language's Finnish (or British) form", () => {
    expect(formatDateTime(LATE, "fi")).toBe("4.12.2026 klo 0.30");
    expect(formatDateTime(LATE, "sv")).toBe("4 dec. 2026 0.30");
    expect(formatDateTime(LATE, "en")).toBe("4 Dec 2026, 00:30");
  });

  it("give the day it was in Finland", () => {
    expect(formatDate(LATE, "fi")).toBe("4.12.2026");
    expect(formatDate(LATE, "en")).toBe("4 Dec 2026");
    expect(formatDate("2026-07-01T12:00:00Z", "sv")).toBe("1 juli 2026");
  });

  it("keep a calendar day on its day", () => {
    expect(formatDay("2026-12-03", "fi")).toBe("3.12.2026");
    expect(formatDay("2026-12-03", "en")).toBe("3 Dec 2026");
  });

  it("fall back to Finnish for a language not offered, and read a regional tag", () => {
    expect(formatDate(LATE, "de")).toBe("4.12.2026");
    expect(formatDate(LATE, "en-US")).toBe("4 Dec 2026");
  });
});
