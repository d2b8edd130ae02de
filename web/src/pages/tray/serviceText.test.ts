import { describe, expect, it } from "vitest";
import { pickText } from "./serviceText";

describe("pickText", () => {
  it("takes the language shown when the writer gave it", () => {
    expect(pickText({ fi: "Mentorointi", en: "Mentoring" }, "en")).toEqual({ text: "Mentoring", lang: "en" });
  });

  it("falls back to Finnish, then Swedish, then English, and says which", () => {
    expect(pickText({ sv: "Mentorskap", en: "Mentoring" }, "fi")).toEqual({ text: "Mentorskap", lang: "sv" });
    expect(pickText({ en: "Mentoring" }, "sv")).toEqual({ text: "Mentoring", lang: "en" });
  });

  it("gives empty text for nothing", () => {
    expect(pickText(null, "fi")).toEqual({ text: "", lang: "fi" });
  });
});
