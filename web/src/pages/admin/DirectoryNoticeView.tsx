import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DirectoryNotice } from "./directoryNotice";
import { roleList } from "./roleText";

/** The outcome of a save or a removal. The live region is on the page first and filled
 * after, so screen readers announce it. */
export function DirectoryNoticeView({ notice }: { notice: DirectoryNotice | null }) {
  const { t } = useTranslation("admin");
  const [shown, setShown] = useState<DirectoryNotice | null>(null);
  useEffect(() => setShown(notice), [notice]);
  const pending = shown?.kind === "saved" && shown.pending.length > 0;
  return (
    <div role="status" aria-live="polite">
      {shown && (
        <div className={`hds-notification ${pending ? "hds-notification--info" : "hds-notification--success"}`}>
          <div className="hds-notification-content">
            <p className="notice-title">
              {shown.kind === "saved" ? t("notice.saved", { name: shown.name }) : t("notice.removed", { name: shown.name })}
            </p>
            {pending && (
              <p>
                {t("notice.pending", { roles: roleList(shown.pending, t) })}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
