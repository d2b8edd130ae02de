import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ApiFailure } from "../../../api/client";
import { useApiData } from "../../../api/useApiData";
import { AlertDialog } from "../../../layout/AlertDialog";
import { ApiProblem, Loading } from "../../../layout/ApiProblem";
import { usePageTitle } from "../../../layout/usePageTitle";
import { hasRole, useSession } from "../../../session/SessionProvider";
import { ApiText } from "../../cases/ApiText";
import { Count, SUPPRESSED_NOTE_ID } from "../../cases/StatsTable";
import { useServiceText, type ServiceView } from "../serviceText";
import { NoticeView } from "./notice";
import { loadServices, moveService, movesFrom, type ServiceStatus, type StatusChange } from "./serviceApi";
import { CoordinatorsOnly, ServiceStatusLabel } from "../trayFrame";
import "./trayEditing.css";

const FILTERS: { key: string; status?: ServiceStatus; to?: string }[] = [
  { key: "all" },
  { key: "draft", status: "draft" },
  { key: "pending_approval", to: "/tray/proposals" },
  { key: "published", status: "published" },
  { key: "archived", status: "archived" },
];
const STATUSES: string[] = ["draft", "published", "archived"];

/** The buttons for the moves a service's status allows; archiving asks first. */
export function CatalogueActions({
  service,
  title,
  onMove,
}: {
  service: ServiceView;
  title: string;
  onMove(service: ServiceView, to: StatusChange): void;
}) {
  const { t } = useTranslation("trayEditing");
  const [confirming, setConfirming] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <>
      <ul className="catalogue-actions">
        <li>
          <Link to={`/tray/services/${service.serviceId}/edit`}>
            {t("actions.edit")}
            <span className="visually-hidden">: {title}</span>
          </Link>
        </li>
        {service.status === "pending_approval" && (
          <li>
            <Link to="/tray/proposals">{t("actions.decide")}</Link>
          </li>
        )}
        {movesFrom(service.status).map((to) => (
          <li key={to}>
            <button
              type="button"
              className="hds-button hds-button--supplementary hds-button--small"
              onClick={() => (to === "archived" ? setConfirming(true) : onMove(service, to))}
            >
              <span className="hds-button__label">
                {t(`actions.${to}`)}
                <span className="visually-hidden">: {title}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {confirming && (
        <AlertDialog
          id={`archive-${service.serviceId.replace(/\./g, "-")}`}
          title={t("archive.title")}
          text={t("archive.text", { title })}
          onEscape={() => setConfirming(false)}
          initialFocus={cancel}
        >
          <button
            type="button"
            className="hds-button hds-button--primary"
            onClick={() => {
              setConfirming(false);
              onMove(service, "archived");
            }}
          >
            <span className="hds-button__label">{t("archive.confirm")}</span>
          </button>
          <button ref={cancel} type="button" className="hds-button hds-button--secondary" onClick={() => setConfirming(false)}>
            <span className="hds-button__label">{t("common:form.cancel")}</span>
          </button>
        </AlertDialog>
      )}
    </>
  );
}

/** Order counts: requested, accepted, completed and the total; a confidential service's
 * small numbers as "–" (cases/StatsTable's Count, explained by the note). */
export function OrderCounts({ service }: { service: ServiceView }) {
  const { t } = useTranslation("trayEditing");
  const counts = service.counts;
  if (!counts) return <>–</>;
  return (
    <dl className="catalogue-counts">
      {(["requested", "accepted", "completed"] as const).map((key) => (
        <div key={key}>
          <dt>{t(`tray:labels.orderStatus.${key}`)}</dt>
          <dd>
            <Count count={counts[key]} />
          </dd>
        </div>
      ))}
      <div>
        <dt>{t("columns.total")}</dt>
        <dd>
          <Count count={counts.total} />
        </dd>
      </div>
    </dl>
  );
}

type Outcome = { kind: "moved"; to: StatusChange; title: string } | { kind: "failed"; failure: ApiFailure } | null;

/** The coordinator's whole catalogue, newest change first, with order counts and the moves
 * each status allows; the proposals waiting are decided on the approvals page. */
export function CataloguePage() {
  const { t } = useTranslation("trayEditing");
  usePageTitle(t("catalogue.title"));
  const { me } = useSession();
  const text = useServiceText();
  const [params] = useSearchParams();
  const asked = params.get("status") ?? "";
  const status = STATUSES.includes(asked) ? (asked as ServiceStatus) : undefined;
  const coordinator = hasRole(me, "wellbeing_coordinator");
  const [loaded, reload] = useApiData(
    () => (coordinator ? loadServices("catalogue", status) : Promise.resolve([])),
    [status, coordinator],
  );
  const [outcome, setOutcome] = useState<Outcome>(null);

  if (!coordinator) return <CoordinatorsOnly title={t("catalogue.title")} />;

  const move = async (service: ServiceView, to: StatusChange) => {
    setOutcome(null);
    try {
      await moveService(service, to);
      setOutcome({ kind: "moved", to, title: text(service.details.title).text });
    } catch (error) {
      setOutcome({ kind: "failed", failure: error instanceof ApiFailure ? error : new ApiFailure(0, null) });
    }
    reload();
  };
  const items = loaded.state === "ready" ? loaded.data : [];
  const anySuppressed = items.some((service) => service.counts?.suppressed);

  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <NoticeView />
      <p className="lead">{t("catalogue.intro")}</p>
      <p>
        <Link to="/tray/catalogue/new" className="hds-button hds-button--primary">
          <span className="hds-button__label">{t("catalogue.new")}</span>
        </Link>
      </p>
      <nav aria-label={t("catalogue.filterLabel")}>
        <ul className="catalogue-filter">
          {FILTERS.map((filter) => {
            const to = filter.to ?? (filter.status ? `/tray/catalogue?status=${filter.status}` : "/tray/catalogue");
            const current = !filter.to && filter.status === status;
            return (
              <li key={filter.key}>
                <Link to={to} aria-current={current ? "page" : undefined}>
                  {t(`catalogue.filters.${filter.key}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div role="status" aria-live="polite">
        {outcome?.kind === "moved" && (
          <div className="hds-notification hds-notification--success">
            <div className="hds-notification-content">
              <p>{t(`catalogue.moved.${outcome.to}`, { title: outcome.title })}</p>
            </div>
          </div>
        )}
      </div>
      {outcome?.kind === "failed" &&
        (outcome.failure.status === 409 || outcome.failure.code === "invalid_transition" ? (
          <div className="hds-notification hds-notification--error" role="alert">
            <div className="hds-notification-content">
              <p>{t(outcome.failure.status === 409 ? "catalogue.conflict" : "catalogue.invalidTransition")}</p>
            </div>
          </div>
        ) : (
          <ApiProblem failure={outcome.failure} />
        ))}
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "failed" && <ApiProblem failure={loaded.failure} />}
      {loaded.state === "ready" && items.length === 0 && <p>{t("catalogue.none")}</p>}
      {anySuppressed && (
        <div className="hds-notification hds-notification--info">
          <div className="hds-notification-content">
            <p id={SUPPRESSED_NOTE_ID}>{t("catalogue.suppressedNote")}</p>
          </div>
        </div>
      )}
      {items.length > 0 && (
        <>
          <div className="hds-table-container catalogue-table" tabIndex={0} role="region" aria-labelledby="catalogue-caption">
            <table className="hds-table hds-table--light">
              <caption id="catalogue-caption" className="visually-hidden">
                {t("catalogue.caption")}
              </caption>
              <thead>
                <tr className="hds-table__header-row">
                  <th scope="col">{t("columns.title")}</th>
                  <th scope="col">{t("columns.status")}</th>
                  <th scope="col">{t("columns.kind")}</th>
                  <th scope="col">{t("columns.category")}</th>
                  <th scope="col">{t("columns.orders")}</th>
                  <th scope="col">{t("columns.actions")}</th>
                </tr>
              </thead>
              <tbody className="hds-table__content">
                {items.map((service) => {
                  const title = text(service.details.title);
                  return (
                    <tr key={service.serviceId}>
                      <td>
                        <Link to={`/tray/services/${service.serviceId}`}>
                          <ApiText lang={title.lang}>{title.text}</ApiText>
                        </Link>
                        {service.details.confidential && <div className="catalogue-confidential">{t("catalogue.confidential")}</div>}
                      </td>
                      <td>
                        <ServiceStatusLabel status={service.status} />
                      </td>
                      <td>{t(`tray:labels.kind.${service.details.kind}`)}</td>
                      <td>{t(`tray:labels.category.${service.details.category}`)}</td>
                      <td>
                        <OrderCounts service={service} />
                      </td>
                      <td>
                        <CatalogueActions service={service} title={title.text} onMove={move} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ul className="service-list catalogue-cards" aria-label={t("catalogue.caption")}>
            {items.map((service) => {
              const title = text(service.details.title);
              return (
                <li key={service.serviceId} className="service-card">
                  <h2 className="service-card__title">
                    <Link to={`/tray/services/${service.serviceId}`}>
                      <ApiText lang={title.lang}>{title.text}</ApiText>
                    </Link>
                  </h2>
                  {service.details.confidential && <p className="catalogue-confidential">{t("catalogue.confidential")}</p>}
                  <dl className="summary-list">
                    <div>
                      <dt>{t("columns.status")}</dt>
                      <dd>
                        <ServiceStatusLabel status={service.status} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t("columns.kind")}</dt>
                      <dd>{t(`tray:labels.kind.${service.details.kind}`)}</dd>
                    </div>
                    <div>
                      <dt>{t("columns.category")}</dt>
                      <dd>{t(`tray:labels.category.${service.details.category}`)}</dd>
                    </div>
                  </dl>
                  <h3 className="catalogue-card__orders">{t("columns.orders")}</h3>
                  <OrderCounts service={service} />
                  <CatalogueActions service={service} title={title.text} onMove={move} />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
