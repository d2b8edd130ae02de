import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { useModalFocus } from "../../layout/useModalFocus";

/** "Have you saved your receipt?" before leaving the page that shows it. Staying is the
 * safe answer, so it has the focus (and Escape). */
export function LeaveDialog({ onLeave, onStay }: { onLeave: () => void; onStay: () => void }) {
  const { t } = useTranslation("report");
  const dialog = useRef<HTMLDivElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  useModalFocus(dialog, true, onStay, stay);
  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-text"
        className="modal"
      >
        <h2 id="leave-title">{t("leave.title")}</h2>
        <p id="leave-text">{t("leave.text")}</p>
        <div className="button-row">
          <button ref={stay} type="button" className="hds-button hds-button--primary" onClick={onStay}>
            <span className="hds-button__label">{t("leave.stay")}</span>
          </button>
          <button type="button" className="hds-button hds-button--secondary" onClick={onLeave}>
            <span className="hds-button__label">{t("leave.leave")}</span>
          </button>
        </div>
      </div>
    </div>
  );
}
