import { useRef, type ReactNode, type RefObject } from "react";
import { useModalFocus } from "./useModalFocus";

/** A modal question over the page (session ending, leaving the receipt): focus starts on
 * `initialFocus`, stays inside, Escape does `onEscape`, and returns where it was. The quick
 * exit stays above its backdrop. */
export function AlertDialog({
  id,
  title,
  text,
  onEscape,
  initialFocus,
  children,
}: {
  id: string;
  title: string;
  text: string;
  onEscape: () => void;
  initialFocus: RefObject<HTMLElement | null>;
  /** The answers: buttons. */
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, true, onEscape, initialFocus);
  return (
    <div className="modal-backdrop">
      <div
        ref={dialog}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        className="modal"
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`}>{text}</p>
        <div className="button-row">{children}</div>
      </div>
    </div>
  );
}
