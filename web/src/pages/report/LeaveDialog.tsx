import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { AlertDialog } from "../../layout/AlertDialog";

/** "Have you saved your receipt?" before leaving the page that shows it. Staying is the
 * safe answer, so it has the focus (and Escape). */
export function LeaveDialog({ onLeave, onStay }: { onLeave: () => void; onStay: () => void }) {
  const { t } = useTranslation("report");
  const stay = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog id="leave" title={t("leave.title")} text={t("leave.text")} onEscape={onStay} initialFocus={stay}>
      <button ref={stay} type="button" className="hds-button hds-button--primary" onClick={onStay}>
        <span className="hds-button__label">{t("leave.stay")}</span>
      </button>
      <button type="button" className="hds-button hds-button--secondary" onClick={onLeave}>
        <span className="hds-button__label">{t("leave.leave")}</span>
      </button>
    </AlertDialog>
  );
}
