import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate } from "../../../format";
import { ApiText } from "../../cases/ApiText";
import { labelsOf, useReportTypes } from "../../cases/reportTypes";
import { useServiceText, type OrderView } from "../serviceText";
import { OrderStatusLabel } from "../trayFrame";

/** The order's service title as kept on the order (the service may have changed since). */
export function useOrderTitle(order: OrderView) {
  const { t } = useTranslation("tray");
  const text = useServiceText();
  const title = text(order.serviceTitle);
  return title.text ? title : { text: t("orders.untitled"), lang: undefined };
}

export function ServiceLink({ order }: { order: OrderView }) {
  const title = useOrderTitle(order);
  return (
    <Link to={`/tray/services/${order.serviceId}`}>
      <ApiText lang={title.lang}>{title.text}</ApiText>
    </Link>
  );
}

/** Status, dates, the unit, and for the handler who ordered (to get in touch). */
export function OrderFacts({ order, service = true }: { order: OrderView; service?: boolean }) {
  const { t, i18n } = useTranslation("tray");
  const labels = labelsOf(useReportTypes());
  const handles = order.parts.includes("handler");
  return (
    <dl className="summary-list">
      {service && (
        <div>
          <dt>{t("orders.service")}</dt>
          <dd>
            <ServiceLink order={order} />
          </dd>
        </div>
      )}
      <div>
        <dt>{t("orders.status")}</dt>
        <dd>
          <OrderStatusLabel status={order.status} />
        </dd>
      </div>
      <div>
        <dt>{t("orders.ordered")}</dt>
        <dd>{formatDate(order.createdAt, i18n.language)}</dd>
      </div>
      {order.updatedAt !== order.createdAt && (
        <div>
          <dt>{t("orders.updated")}</dt>
          <dd>{formatDate(order.updatedAt, i18n.language)}</dd>
        </div>
      )}
      {order.forUnit && (
        <div>
          <dt>{t("orders.forUnit")}</dt>
          <dd>
            {order.ordererTenantId === order.tenantId || !handles ? (
              <ApiText lang={labels.lang}>{labels.unit(order.forUnit)}</ApiText>
            ) : (
              order.forUnit
            )}
          </dd>
        </div>
      )}
      {handles && (
        <>
          <div>
            <dt>{t("orders.orderer")}</dt>
            <dd>{order.ordererName ?? order.ordererId}</dd>
          </div>
          {order.ordererEmail && (
            <div>
              <dt>{t("orders.email")}</dt>
              <dd>
                <a href={`mailto:${order.ordererEmail}`}>{order.ordererEmail}</a>
              </dd>
            </div>
          )}
        </>
      )}
    </dl>
  );
}
