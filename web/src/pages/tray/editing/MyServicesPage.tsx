import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiData } from "../../../api/useApiData";
import { ApiProblem, Loading } from "../../../layout/ApiProblem";
import { usePageTitle } from "../../../layout/usePageTitle";
import { ApiText } from "../../cases/ApiText";
import { useServiceText } from "../serviceText";
import { NoticeView } from "./notice";
import { loadServices } from "./serviceApi";
import { ServiceStatusLabel } from "../trayFrame";
import "./trayEditing.css";

/** What I provide or proposed, in any status: a rejected proposal (archived) with its reason. */
export function MyServicesPage() {
  const { t } = useTranslation("trayEditing");
  usePageTitle(t("myServices.title"));
  const text = useServiceText();
  const [loaded] = useApiData(() => loadServices("mine"), []);
  return (
    <>
      <h1>{t("myServices.title")}</h1>
      <NoticeView />
      <p className="lead">{t("myServices.intro")}</p>
      <p>
        <Link to="/tray/propose">{t("myServices.propose")}</Link>
      </p>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "failed" && <ApiProblem failure={loaded.failure} />}
      {loaded.state === "ready" && loaded.data.length === 0 && <p>{t("myServices.none")}</p>}
      {loaded.state === "ready" && loaded.data.length > 0 && (
        <ul className="service-list" aria-label={t("myServices.title")}>
          {loaded.data.map((service) => {
            const title = text(service.details.title);
            return (
              <li key={service.serviceId} className="service-card">
                <h2 className="service-card__title">
                  <ApiText lang={title.lang}>{title.text}</ApiText>
                </h2>
                <dl className="summary-list">
                  <div>
                    <dt>{t("columns.status")}</dt>
                    <dd>
                      <ServiceStatusLabel status={service.status} />
                      {service.status === "pending_approval" && <> {t("myServices.waiting")}</>}
                    </dd>
                  </div>
                  {service.rejectionReason && (
                    <div>
                      <dt>{t("myServices.rejectionReason")}</dt>
                      <dd className="service-reason">{service.rejectionReason}</dd>
                    </div>
                  )}
                </dl>
                <ul className="service-links">
                  <li>
                    <Link to={`/tray/services/${service.serviceId}`}>
                      {t("myServices.open")}
                      <span className="visually-hidden">: {title.text}</span>
                    </Link>
                  </li>
                  <li>
                    <Link to={`/tray/services/${service.serviceId}/edit`}>
                      {t("actions.edit")}
                      <span className="visually-hidden">: {title.text}</span>
                    </Link>
                  </li>
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
