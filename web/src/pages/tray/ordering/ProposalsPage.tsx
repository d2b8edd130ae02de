
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api, unwrap } from "../../../api/client";
import { useApiData } from "../../../api/useApiData";
import { formatDate } from "../../../format";
import { Loading } from "../../../layout/ApiProblem";
import { usePageTitle } from "../../../layout/usePageTitle";
import { useSession } from "../../../session/SessionProvider";
import { ApiText } from "../../cases/ApiText";
import { useServiceText, type ServiceView } from "../serviceText";
import { Notice, useActionNotice } from "./Notice";
import { ProposalDecision } from "./ProposalDecision";
import { CoordinatorsOnly, isCoordinator, TrayLinks, TrayProblem } from "../trayFrame";
import "./ordering.css";

/** /tray/proposals: the coordinator's approvals, every pending proposal with its decision. */
export function ProposalsPage() {
  const { t } = useTranslation("tray");
  usePageTitle(t("proposals.title"));
  const { me } = useSession();
  const coordinator = isCoordinator(me);
  if (!coordinator) return <CoordinatorsOnly title={t("proposals.title")} />;
  return <Proposals />;
}

function Proposals() {
  const { t } = useTranslation("tray");
  const [loaded, reload] = useApiData(
    () => unwrap(api.GET("/services", { params: { query: { view: "catalogue", status: "pending_approval" } } })),
    [],
  );
  const { notice, done, conflict } = useActionNotice(reload);
  return (
    <div className="tray">
      <h1 id="proposals-title">{t("proposals.title")}</h1>
      <p className="lead">{t("proposals.intro")}</p>
      <Notice notice={notice} />
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "failed" && <TrayProblem failure={loaded.failure} />}
      {loaded.state === "ready" &&
        (loaded.data.items.length === 0 ? (
          <p>{t("proposals.none")}</p>
        ) : (
          <ul className="tray-cards" aria-labelledby="proposals-title">
            {loaded.data.items.map((service) => (
              <ProposalCard key={service.serviceId} service={service} onDone={done} onConflict={conflict} />
            ))}
          </ul>
        ))}
      <TrayLinks propose={false} />
    </div>
  );
}

function ProposalCard({ service, onDone, onConflict }: { service: ServiceView; onDone(message: string): void; onConflict(): void }) {
  const { t, i18n } = useTranslation("tray");
  const text = useServiceText();
  const title = text(service.details.title);
  return (
    <li className="tray-card">
      <h2 className="tray-card__title">
        <Link to={`/tray/services/${service.serviceId}`}>
          <ApiText lang={title.lang}>{title.text}</ApiText>
        </Link>
      </h2>
      <dl className="summary-list">
        <div>
          <dt>{t("proposals.proposedBy")}</dt>
          <dd>{service.providerName ?? service.proposedBy ?? t("service.colleague")}</dd>
        </div>
        <div>
          <dt>{t("proposals.proposedAt")}</dt>
          <dd>{formatDate(service.createdAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t("service.category")}</dt>
          <dd>{t(`labels.category.${service.details.category}`)}</dd>
        </div>
      </dl>
      <ProposalDecision service={service} onDone={onDone} onConflict={onConflict} idPrefix={`decision-${service.serviceId}`} />
    </li>
  );
}
