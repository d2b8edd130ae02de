import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api, unwrap } from "../../../api/client";
import { useApiData } from "../../../api/useApiData";
import { formatDate } from "../../../format";
import { Loading } from "../../../layout/ApiProblem";
import { usePageTitle } from "../../../layout/usePageTitle";
import { useSession } from "../../../session/SessionProvider";
import { ApiText } from "../../cases/ApiText";
import { NotFoundPage } from "../../NotFoundPage";
import { useServiceText, type ServiceView } from "../serviceText";
import { Notice, useNotice } from "./Notice";
import { OrderPanel } from "./OrderPanel";
import { ProposalDecision } from "./ProposalDecision";
import { Availability, hasAvailability, Provider, ServiceBasics, useSharedBy } from "./serviceFacts";
import { isCoordinator, ServiceStatusLabel, TrayLinks, TrayProblem } from "../trayFrame";
import "./ordering.css";

/** /tray/services/:serviceId: one service in full, and ordering it; a proposal seen by its
 * proposer or a coordinator shows its status, and the coordinator decides it here. */
export function ServicePage() {
  const { t } = useTranslation("tray");
  usePageTitle(t("service.pageTitle"));
  const { serviceId = "" } = useParams();
  const [loaded, reload] = useApiData(
    () => unwrap(api.GET("/services/{serviceId}", { params: { path: { serviceId } } })),
    [serviceId],
  );
  if (loaded.state === "failed" && loaded.failure.status === 404) return <NotFoundPage />;
  if (loaded.state !== "ready") {
    return (
      <div className="tray">
        <h1>{t("service.pageTitle")}</h1>
        {loaded.state === "loading" ? <Loading /> : <TrayProblem failure={loaded.failure} />}
        <TrayLinks propose={false} />
      </div>
    );
  }
  return <ServiceDetails service={loaded.data} reload={reload} />;
}

function ServiceDetails({ service, reload }: { service: ServiceView; reload(): void }) {
  const { t, i18n } = useTranslation("tray");
  const { me } = useSession();
  const text = useServiceText();
  const title = text(service.details.title);
  const description = text(service.details.description);
  const sharedBy = useSharedBy(service);
  const { notice, show } = useNotice();
  const { details } = service;
  const conflict = useCallback(() => {
    show(null);
    reload();
  }, [reload, show]);
  const decided = useCallback(
    (message: string) => {
      show(message);
      reload();
    },
    [reload, show],
  );
  const decides = service.status === "pending_approval" && isCoordinator(me) && service.tenantId === me?.tenant.id;

  return (
    <div className="tray">
      <h1>
        <ApiText lang={title.lang}>{title.text}</ApiText>
      </h1>
      <Notice notice={notice} />
      {sharedBy && <p className="tray-card__shared">{sharedBy}</p>}
      {details.confidential && (
        <div className="hds-notification hds-notification--info tray-confidential">
          <div className="hds-notification-content">
            <p>{t("service.confidential")}</p>
          </div>
        </div>
      )}
      {service.status !== "published" && (
        <dl className="summary-list">
          <div>
            <dt>{t("service.status")}</dt>
            <dd>
              <ServiceStatusLabel status={service.status} />
            </dd>
          </div>
          {service.rejectionReason && (
            <div>
              <dt>{t("service.rejectionReason")}</dt>
              <dd className="tray-text">{service.rejectionReason}</dd>
            </div>
          )}
          {service.proposedBy && (
            <div>
              <dt>{t("proposals.proposedBy")}</dt>
              <dd>{service.providerName ?? service.proposedBy}</dd>
            </div>
          )}
          <div>
            <dt>{t("proposals.proposedAt")}</dt>
            <dd>{formatDate(service.createdAt, i18n.language)}</dd>
          </div>
        </dl>
      )}
      <section aria-labelledby="service-description-title">
        <h2 id="service-description-title">{t("service.description")}</h2>
        <p className="tray-text">
          <ApiText lang={description.lang}>{description.text}</ApiText>
        </p>
      </section>
      <section aria-labelledby="service-details-title">
        <h2 id="service-details-title">{t("service.details")}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t("service.provider")}</dt>
            <dd>
              <Provider service={service} />
            </dd>
          </div>
          <ServiceBasics service={service} allSessions />
          {(hasAvailability(service) || details.capacity) && (
            <div>
              <dt>{t("service.availability")}</dt>
              <dd>
                {details.capacity && !details.confidential ? <>{t("service.capacity", { count: details.capacity })}. </> : null}
                <Availability service={service} />
              </dd>
            </div>
          )}
          {details.contact && (
            <div>
              <dt>{t("service.contact")}</dt>
              <dd className="tray-text">{details.contact}</dd>
            </div>
          )}
        </dl>
      </section>
      {decides ? (
        <section aria-labelledby="service-decision-title">
          <h2 id="service-decision-title">{t("decision.title")}</h2>
          <ProposalDecision service={service} onDone={decided} onConflict={conflict} />
        </section>
      ) : (
        <section aria-labelledby="service-order-title">
          <h2 id="service-order-title">{t("order.title")}</h2>
          <OrderPanel service={service} onConflict={reload} />
        </section>
      )}
      <TrayLinks />
    </div>
  );
}
