import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { OrderView } from "../serviceText";
import { Feedback } from "./FeedbackForm";
import { OrderActions } from "./OrderActions";
import { OrderFacts, useOrderTitle } from "./OrderFacts";

/** Orders as cards (they stack at any width), each with its actions in place. */
export function OrderList({
  orders,
  labelledBy,
  onDone,
  onConflict,
}: {
  orders: OrderView[];
  labelledBy: string;
  onDone(message: string): void;
  onConflict(): void;
}) {
  return (
    <ul className="tray-cards" aria-labelledby={labelledBy}>
      {orders.map((order) => (
        <OrderCard key={order.orderId} order={order} onDone={onDone} onConflict={onConflict} />
      ))}
    </ul>
  );
}

function OrderCard({ order, onDone, onConflict }: { order: OrderView; onDone(message: string): void; onConflict(): void }) {
  const { t } = useTranslation("tray");
  const title = useOrderTitle(order);
  return (
    <li className="tray-card">
      <OrderFacts order={order} />
      <p>
        <Link to={`/tray/orders/${order.orderId}`}>
          {t("incoming.open")}
          <span className="visually-hidden">: {title.text}</span>
        </Link>
      </p>
      <OrderActions order={order} onDone={onDone} onConflict={onConflict} label={`${t("orders.actions")}: ${title.text}`} />
      <Feedback order={order} onDone={onDone} onConflict={onConflict} />
    </li>
  );
}
