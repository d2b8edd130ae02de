import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { quickExit, tripleShiftDetector } from "./quickExit";

export function QuickExitButton({ url }: { url: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    const onKey = tripleShiftDetector(() => quickExit(url));
    // Capture: a field or dialog that stops a key's propagation cannot hold the exit back.
    window.addEventListener("keydown", onKey, true);
    window.addEventListener("keyup", onKey, true);
    return () => {
      window.removeEventListener("keydown", onKey, true);
      window.removeEventListener("keyup", onKey, true);
    };
  }, [url]);
  return (
    <button
      type="button"
      className="hds-button hds-button--danger quick-exit"
      onClick={() => quickExit(url)}
      aria-describedby="quick-exit-hint"
    >
      <span className="hds-button__label">{t("quickExit.button")}</span>
      <span id="quick-exit-hint" className="visually-hidden">
        {t("quickExit.hint")}
      </span>
    </button>
  );
}
