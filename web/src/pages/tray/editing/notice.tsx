import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { readDraft, saveDraft } from "../../../session/drafts";

/** What a save tells the next page to say (My services, the catalogue). Kept in this tab's
 * memory with the drafts and shown once, never in history state. */
export type SavedNotice = "saved" | "savedForApproval" | "created" | "published";
const KEY = "trayEditing:notice";

export function leaveNotice(notice: SavedNotice): void {
  saveDraft(KEY, notice);
}

/** The waiting notice, taken away once shown. The live region is on the page first and
 * filled after, so screen readers announce it. */
export function NoticeView() {
  const { t } = useTranslation("trayEditing");
  const [notice] = useState(() => readDraft<SavedNotice>(KEY) ?? null);
  const [shown, setShown] = useState<SavedNotice | null>(null);
  useEffect(() => {
    saveDraft(KEY, undefined);
    setShown(notice);
  }, [notice]);
  return (
    <div role="status" aria-live="polite">
      {shown && (
        <div className="hds-notification hds-notification--success">
          <div className="hds-notification-content">
            <p>{t(`notice.${shown}`)}</p>
          </div>
        </div>
      )}
    </div>
  );
}
