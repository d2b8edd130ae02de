import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { ApiFailure } from "../../api/client";
import { ApiProblem } from "../../layout/ApiProblem";
import { hasRole, useSession } from "../../session/SessionProvider";
import type { OrderView, ServiceView } from "./serviceText";

/** The tray is opened group by group: a 403 with this code is not an error but news. */
export function isNotOpen(failure: ApiFailure | null | undefined): boolean {
  return !!failure && failure.status === 403 && failure.code === "not_available_for_group";
}

/** "Not yet open for your group", said kindly: an information box, not an alert. */
export function NotOpenNotice() {
  const { t } = useTranslation("tray");
  return (
    <div className="hds-notification hds-notification--info tray-not-open" role="status">
      <div className="hds-notification-content">
        <h2 className="hds-notification__label">{t("notOpen.title")}</h2>
        <p>{t("notOpen.text")}</p>
      </div>
    </div>
  );
}

/** A failure to load a tray screen: the kind "not yet open" notice, or the usual problem. */
export function TrayProblem({ failure }: { failure: ApiFailure }) {
  return isNotOpen(failure) ? <NotOpenNotice /> : <ApiProblem failure={failure} />;
}

export const isCoordinator = (me: ReturnType<typeof useSession>["me"]) => hasRole(me, "wellbeing_coordinator");

/** A coordinator's screen seen by someone else: said plainly, with the way back. */
export function CoordinatorsOnly({ title }: { title: string }) {
  const { t } = useTranslation("tray");
  return (
    <div className="tray">
      <h1>{title}</h1>
      <div className="hds-notification hds-notification--error" role="alert">
        <div className="hds-notification-content">
          <p>{t("coordinatorsOnly")}</p>
        </div>
      </div>
      <TrayLinks propose={false} />
    </div>
  );
}

/** The tray's own screens, linked from each of them (the browse page leaves itself out).
 * A coordinator outside the rollout reaches the approvals, the organisation's orders and
 * the catalogue from here too. */
export function TrayLinks({ browse = true, propose = true }: { browse?: boolean; propose?: boolean }) {
  const { t } = useTranslation("tray");
  const { me } = useSession();
  const here = useLocation().pathname;
  const links = [
    browse && !!me?.features.serviceTray && { to: "/tray", label: t("nav.browse") },
    { to: "/tray/orders", label: t("nav.myOrders") },
    { to: "/tray/orders/incoming", label: t("nav.incoming") },
    propose && !!me?.features.serviceTray && !isCoordinator(me) && { to: "/tray/propose", label: t("nav.propose") },
    { to: "/tray/my-services", label: t("nav.myServices") },
    isCoordinator(me) && { to: "/tray/proposals", label: t("nav.proposals") },
    isCoordinator(me) && { to: "/tray/catalogue", label: t("nav.catalogue") },
  ].filter((link): link is { to: string; label: string } => !!link && link.to !== here);
  return (
    <nav aria-label={t("nav.label")} className="tray-links">
      <ul className="tray-links__list">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const ORDER_STATUS_LOOK: Record<OrderView["status"], string> = {
  requested: "hds-status-label--info",
  accepted: "hds-status-label--success",
  declined: "hds-status-label--error",
  completed: "hds-status-label--success",
  cancelled: "",
};

/** An order's status in words (the colour only repeats them). */
export function OrderStatusLabel({ status }: { status: OrderView["status"] }) {
  const { t } = useTranslation("tray");
  return <span className={`hds-status-label ${ORDER_STATUS_LOOK[status]}`}>{t(`labels.orderStatus.${status}`)}</span>;
}

const SERVICE_STATUS_LOOK: Record<ServiceView["status"], string> = {
  draft: "",
  pending_approval: "hds-status-label--alert",
  published: "hds-status-label--success",
  archived: "",
};

export function ServiceStatusLabel({ status }: { status: ServiceView["status"] }) {
  const { t } = useTranslation("tray");
  return <span className={`hds-status-label ${SERVICE_STATUS_LOOK[status]}`}>{t(`labels.status.${status}`)}</span>;
}
