import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, unwrap } from "../../../api/client";
import { AlertDialog } from "../../../layout/AlertDialog";
import { ApiProblem } from "../../../layout/ApiProblem";
import { useSubmission } from "../../cases/useSubmission";
import type { OrderView } from "../serviceText";

export type OrderAction = "accept" | "decline" | "complete" | "cancel";

/** What I may do to the order now, by my part in it (the API's `parts`) and its status. */
export function actionsFor(order: OrderView): OrderAction[] {
  const actions: OrderAction[] = [];
  if (order.parts.includes("handler")) {
    if (order.status === "requested") actions.push("accept", "decline");
    if (order.status === "accepted") actions.push("complete");
  }
  if (order.parts.includes("orderer") && (order.status === "requested" || order.status === "accepted")) actions.push("cancel");
  return actions;
}

/** Those that cannot be undone and hurt the other side ask first. */
const CONFIRMED: OrderAction[] = ["decline", "cancel"];

/** The order's actions as buttons; decline and cancel confirm in a dialog. Each sends the
 * version shown; a 409 says the order changed meanwhile and loads it again. */
export function OrderActions({
  order,
  onDone,
  onConflict,
  label,
}: {
  order: OrderView;
  onDone(message: string): void;
  onConflict(): void;
  /** The list's accessible name (which order, in a list of orders). */
  label: string;
}) {
  const { t } = useTranslation("tray");
  const sending = useSubmission(onConflict);
  const [asking, setAsking] = useState<OrderAction | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const actions = actionsFor(order);

  const act = async (action: OrderAction) => {
    setAsking(null);
    const body = { action, expectedVersion: order.version };
    const ok = await sending.submit(body, () =>
      unwrap(api.POST("/orders/{orderId}/transitions", { params: { path: { orderId: order.orderId } }, body })),
    );
    if (ok) onDone(t(`actions.done.${action}`));
  };

  const problem = !sending.failure ? null : sending.failure.status === 409 || sending.failure.status === 422 ? (
    <div className="hds-notification hds-notification--error" role="alert">
      <div className="hds-notification-content">
        <p>{t(sending.failure.status === 409 ? "orders.changed" : "orders.notPossible")}</p>
      </div>
    </div>
  ) : (
    <ApiProblem failure={sending.failure} />
  );

  if (actions.length === 0) return problem;
  return (
    <>
      {problem}
      <ul className="tray-actions" aria-label={label}>
        {actions.map((action) => (
          <li key={action}>
            <button
              type="button"
              className={`hds-button ${action === "accept" || action === "complete" ? "hds-button--primary" : "hds-button--secondary"}`}
              aria-disabled={sending.busy || undefined}
              onClick={() => (CONFIRMED.includes(action) ? setAsking(action) : void act(action))}
            >
              <span className="hds-button__label">{t(`actions.${action}`)}</span>
            </button>
          </li>
        ))}
      </ul>
      {asking && (
        <AlertDialog
          id={`order-${order.orderId}-confirm`}
          title={t(`actions.${asking}Title`)}
          text={t(`actions.${asking}Text`)}
          onEscape={() => setAsking(null)}
          initialFocus={keep}
        >
          <button type="button" className="hds-button hds-button--primary" onClick={() => void act(asking)}>
            <span className="hds-button__label">{t(`actions.${asking}`)}</span>
          </button>
          <button ref={keep} type="button" className="hds-button hds-button--secondary" onClick={() => setAsking(null)}>
            <span className="hds-button__label">{t(asking === "cancel" ? "actions.keep" : "decision.cancel")}</span>
          </button>
        </AlertDialog>
      )}
    </>
  );
}
