import { describe, expect, it } from "vitest";
import { forgetDirectoryNotice, leaveDirectoryNotice, peekDirectoryNotice, type DirectoryNotice } from "./directoryNotice";

describe("the directory notice", () => {
  it("is shown once and then forgotten", () => {
    const notice: DirectoryNotice = { kind: "removed", name: "Erik Björk", pending: [] };
    leaveDirectoryNotice(notice);
    expect(peekDirectoryNotice()).toBe(notice);
    forgetDirectoryNotice(notice);
    expect(peekDirectoryNotice()).toBeNull();
  });

  it("keeps a newer notice when an older one is forgotten", () => {
    const older: DirectoryNotice = { kind: "saved", name: "A", pending: [] };
    const newer: DirectoryNotice = { kind: "saved", name: "B", pending: [] };
    leaveDirectoryNotice(older);
    leaveDirectoryNotice(newer);
    forgetDirectoryNotice(older);
    expect(peekDirectoryNotice()).toBe(newer);
    forgetDirectoryNotice(newer);
  });
});
