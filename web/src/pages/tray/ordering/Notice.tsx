import { useCallback, useEffect, useRef, useState } from "react";

/** A success message after an action, announced and focused (the control that was used may
 * be gone); each new message takes focus again, even the same text twice. */
export function useNotice() {
  const [notice, setNotice] = useState<{ text: string | null; round: number }>({ text: null, round: 0 });
  const show = useCallback((text: string | null) => setNotice((last) => ({ text, round: last.round + 1 })), []);
  return { notice, show };
}

/** An action's notice on a list or page that reloads after it: `done` says what happened,
 * `conflict` (the item changed meanwhile) clears the notice; both reload. */
export function useActionNotice(reload: () => void) {
  const { notice, show } = useNotice();
  const done = useCallback(
    (message: string) => {
      show(message);
      reload();
    },
    [reload, show],
  );
  const conflict = useCallback(() => {
    show(null);
    reload();
  }, [reload, show]);
  return { notice, show, done, conflict };
}

export function Notice({ notice, tone = "success" }: { notice: { text: string | null; round: number }; tone?: "success" | "info" }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice.text) box.current?.focus();
  }, [notice]);
  return (
    <div role="status" aria-live="polite" className="tray-notice">
      {notice.text && (
        <div key={notice.round} ref={box} tabIndex={-1} className={`hds-notification hds-notification--${tone}`}>
          <div className="hds-notification-content">
            <p>{notice.text}</p>
          </div>
        </div>
      )}
    </div>
  );
}
