import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { api, unwrap } from "../../../api/client";
import { useApiData } from "../../../api/useApiData";
import { Loading } from "../../../layout/ApiProblem";
import { usePageTitle } from "../../../layout/usePageTitle";
import { ApiText } from "../../cases/ApiText";
import { NotFoundPage } from "../../NotFoundPage";
import type { OrderView } from "../serviceText";
import { Feedback } from "./FeedbackForm";
import { Notice, useActionNotice } from "./Notice";
import { actionsFor, OrderActions } from "./OrderActions";
import { OrderFacts, useOrderTitle } from "./OrderFacts";
import { TrayLinks, TrayProblem } from "../trayFrame";
import "./ordering.css";

/** /tray/orders/:orderId (the link in a tray email): one order, with what I may do to it. */
export function OrderPage() {
  const { t } = useTranslation("tray");
  usePageTitle(t("orders.pageTitle"));
  const { orderId = "" } = useParams();
  const [loaded, reload] = useApiData(() => unwrap(api.GET("/orders/{orderId}", { params: { path: { orderId } } })), [orderId]);
  if (loaded.state === "failed" && loaded.failure.status === 404) return <NotFoundPage />;
  if (loaded.state !== "ready") {
    return (
      <div className="tray">
        <h1>{t("orders.pageTitle")}</h1>
        {loaded.state === "loading" ? <Loading /> : <TrayProblem failure={loaded.failure} />}
        <TrayLinks propose={false} />
      </div>
    );
  }
  return <OrderDetails order={loaded.data} reload={reload} />;
}

function OrderDetails({ order, reload }: { order: OrderView; reload(): void }) {
  const { t } = useTranslation("tray");
  const title = useOrderTitle(order);
  const location = useLocation();
  const { notice, show, done, conflict } = useActionNotice(reload);
  const justOrdered = (location.state as { notice?: string } | null)?.notice === "ordered";
  useEffect(() => {
    if (justOrdered) show(t("order.ordered"));
    // Once, on arrival from the service page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [justOrdered]);
  const hasActions = actionsFor(order).length > 0;
  return (
    <div className="tray">
      <h1>
        {t("orders.title", { title: "" })}
        <ApiText lang={title.lang}>{title.text}</ApiText>
      </h1>
      <Notice notice={notice} />
      {order.confidential && (
        <div className="hds-notification hds-notification--info tray-confidential">
          <div className="hds-notification-content">
            <p>{t("orders.confidential")}</p>
          </div>
        </div>
      )}
      <OrderFacts order={order} />
      <section aria-labelledby="order-actions-title">
        <h2 id="order-actions-title">{t("orders.actions")}</h2>
        {!hasActions && !(order.parts.includes("orderer") && order.status === "completed") && <p>{t("orders.noActions")}</p>}
        <OrderActions order={order} onDone={done} onConflict={conflict} label={t("orders.actions")} />
        <Feedback order={order} onDone={done} onConflict={conflict} />
      </section>
      <TrayLinks propose={false} />
    </div>
  );
}
