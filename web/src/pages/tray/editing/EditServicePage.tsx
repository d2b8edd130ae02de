import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ApiFailure } from "../../../api/client";
import { useApiData } from "../../../api/useApiData";
import { ApiProblem, Loading } from "../../../layout/ApiProblem";
import { usePageTitle } from "../../../layout/usePageTitle";
import { hasRole, useSession } from "../../../session/SessionProvider";
import { ApiText } from "../../cases/ApiText";
import { useServiceText } from "../serviceText";
import { leaveNotice } from "./notice";
import { loadService, saveDetails } from "./serviceApi";
import { ServiceForm } from "./ServiceForm";
import { ServiceStatusLabel } from "../trayFrame";
import "./trayEditing.css";

/** Edit a service with the version read. Someone else's change meanwhile (409) loads the
 * latest and says so; the form then starts again from it, so nothing stale is sent. A
 * proposer editing their published peer service is told it goes back for approval. */
export function EditServicePage() {
  const { serviceId = "" } = useParams();
  const { t } = useTranslation("trayEditing");
  usePageTitle(t("edit.title"));
  const { me } = useSession();
  const navigate = useNavigate();
  const text = useServiceText();
  const [loaded, reload] = useApiData(() => loadService(serviceId), [serviceId]);
  const [conflict, setConflict] = useState(false);
  const conflictBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict) conflictBox.current?.focus();
  }, [conflict, loaded]);
  const coordinator = hasRole(me, "wellbeing_coordinator");

  if (!me) return null;
  const service = loaded.state === "ready" ? loaded.data : null;
  const proposerEdit = !!service && !coordinator && service.proposedBy === me.userId;
  const backToApproval = proposerEdit && service?.status === "published";
  const title = service ? text(service.details.title) : null;

  return (
    <>
      <p className="back-link">
        <Link to={coordinator ? "/tray/catalogue" : "/tray/my-services"}>
          {coordinator ? t("catalogue.title") : t("myServices.title")}
        </Link>
      </p>
      <h1>{t("edit.title")}</h1>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "failed" && <ApiProblem failure={loaded.failure} />}
      {service && title && (
        <>
          <p className="lead">
            <ApiText lang={title.lang}>{title.text}</ApiText> – <ServiceStatusLabel status={service.status} />
          </p>
          {conflict && (
            <div ref={conflictBox} tabIndex={-1} className="hds-notification hds-notification--error" role="alert">
              <div className="hds-notification-content">
                <p>{t("edit.conflict")}</p>
              </div>
            </div>
          )}
          <ServiceForm
            key={service.version}
            mode="edit"
            existing={service.details}
            myUserId={me.userId}
            choices={[{ value: "save", label: t("edit.save") }]}
            cancelTo={coordinator ? "/tray/catalogue" : "/tray/my-services"}
            notice={
              backToApproval ? (
                <div className="hds-notification hds-notification--alert" id="service-back-to-approval">
                  <div className="hds-notification-content">
                    <p>{t("edit.backToApproval")}</p>
                  </div>
                </div>
              ) : undefined
            }
            onSubmit={async (details) => {
              try {
                await saveDetails(service, details);
              } catch (error) {
                if (error instanceof ApiFailure && error.status === 409) {
                  setConflict(true);
                  reload();
                }
                throw error;
              }
              leaveNotice(backToApproval ? "savedForApproval" : "saved");
              navigate(coordinator ? "/tray/catalogue" : "/tray/my-services");
            }}
          />
        </>
      )}
    </>
  );
}
