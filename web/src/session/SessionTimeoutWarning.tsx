import { useEffect, useRef, useState } from "react";
import { AlertDialog } from "../layout/AlertDialog";
import { useTranslation } from "react-i18next";
import { useSession } from "./SessionProvider";

/** Warns before the idle limit (WCAG 2.2.1) and lets the person go on with one press. */
export const WARNING_BEFORE_MS = 2 * 60_000;
const RENEW_BEFORE_MS = 5 * 60_000;

export function SessionTimeoutWarning() {
  const { t } = useTranslation();
  const { config, lastActivity, expiresAt, extend, renew, end } = useSession();
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  // While the warning is open only its buttons decide: a Tab to reach "sign out" is not
  // activity that should close it.
  const frozenActivity = useRef<number | null>(null);
  const limit = config.idleMinutes * 60_000;

  useEffect(() => {
    const tick = () => {
      const now = Date.now();
      const idleLeft = (frozenActivity.current ?? lastActivity()) + limit - now;
      const tokenLeft = (expiresAt() ?? Infinity) - now;
      // Someone still active gets a fresh token before the old one nears its end.
      if (tokenLeft <= RENEW_BEFORE_MS && idleLeft > WARNING_BEFORE_MS) renew();
      const left = Math.min(idleLeft, tokenLeft);
      if (left <= 0) {
        end(idleLeft <= 0 ? "timeout" : "expired");
        return;
      }
      const warn = left <= WARNING_BEFORE_MS;
      if (warn && frozenActivity.current === null) frozenActivity.current = lastActivity();
      setSecondsLeft(warn ? Math.ceil(left / 1000) : null);
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [lastActivity, expiresAt, end, renew, limit]);

  const keepGoing = () => {
    frozenActivity.current = null;
    extend();
    setSecondsLeft(null);
  };
  if (secondsLeft === null) return null;
  const minutes = Math.floor(secondsLeft / 60);
  const seconds = secondsLeft % 60;
  return (
    <AlertDialog
      id="timeout"
      title={t("timeout.title")}
      text={t("timeout.text", { time: `${minutes}:${String(seconds).padStart(2, "0")}` })}
      onEscape={keepGoing}
      initialFocus={button}
    >
      <button ref={button} type="button" className="hds-button hds-button--primary" onClick={keepGoing}>
        <span className="hds-button__label">{t("timeout.continue")}</span>
      </button>
      <button type="button" className="hds-button hds-button--secondary" onClick={() => end("signed_out")}>
        <span className="hds-button__label">{t("signOut")}</span>
      </button>
    </AlertDialog>
  );
}
