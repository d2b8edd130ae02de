import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./oidcSignIn";

describe("the way back after sign-in", () => {
  it("is a path of this app", () => {
    expect(safeReturnPath("/cases/abc")).toBe("/cases/abc");
    expect(safeReturnPath("/staff/grants")).toBe("/staff/grants");
  });

  it.each(["//evil.example/x", "/\\evil.example", "/\t/evil.example", "https://evil.example/", "cases", "", null, 42])(
    "is never %j",
    (value) => {
      expect(safeReturnPath(value)).toBe("/");
    },
  );
});
