import { readDraft, saveDraft } from "../../session/drafts";

/** What the form or the removal tells the directory to say when it opens. */
export interface DirectoryNotice {
  kind: "saved" | "removed";
  name: string;
  /** Case-handling roles waiting for an overseer's confirmation after the save. */
  pending: string[];
}

/** The notice waits in this tab's memory (with the drafts, so sign-out and quick exit forget
 * it) and is shown once: never in history state, where a person's name would come back on
 * a reload or Back. */
const KEY = "admin:directory-notice";

export function leaveDirectoryNotice(notice: DirectoryNotice): void {
  saveDraft(KEY, notice);
}

/** The waiting notice, if any (read while rendering; `forgetDirectoryNotice` takes it away). */
export function peekDirectoryNotice(): DirectoryNotice | null {
  return readDraft<DirectoryNotice>(KEY) ?? null;
}

/** Takes `notice` away once shown (a newer one, left meanwhile, stays). */
export function forgetDirectoryNotice(notice: DirectoryNotice | null): void {
  if (notice && readDraft(KEY) === notice) saveDraft(KEY, undefined);
}
