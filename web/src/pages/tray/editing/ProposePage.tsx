import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiFailure } from "../../../api/client";
import { usePageTitle } from "../../../layout/usePageTitle";
import { useSession } from "../../../session/SessionProvider";
import { isCoordinator, NotOpenNotice } from "../trayFrame";
import { ServiceForm } from "./ServiceForm";
import { useCreateService } from "./useCreate";
import "./trayEditing.css";

/** Any employee for whom the tray is open offers a service of their own to colleagues: a
 * peer proposal, which a coordinator approves before colleagues see it. */
export function ProposePage() {
  const { t } = useTranslation("trayEditing");
  usePageTitle(t("propose.title"));
  const { me } = useSession();
  const create = useCreateService();
  const [outcome, setOutcome] = useState<"form" | "sent" | "notAvailable">("form");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (outcome !== "form") heading.current?.focus();
  }, [outcome]);

  if (!me) return null;
  if (outcome === "notAvailable" || !me.features.serviceTray) {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t("propose.title")}
        </h1>
        <NotOpenNotice />
        <p>
          <Link to="/">{t("common:notFound.home")}</Link>
        </p>
      </>
    );
  }
  if (isCoordinator(me)) {
    // A coordinator's own service is made in the catalogue: no proposal waits for them.
    return (
      <>
        <h1>{t("propose.title")}</h1>
        <p>
          {t("propose.coordinator")} <Link to="/tray/catalogue/new">{t("propose.coordinatorLink")}</Link>
        </p>
      </>
    );
  }
  if (outcome === "sent") {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          {t("propose.sentTitle")}
        </h1>
        <div className="hds-notification hds-notification--success">
          <div className="hds-notification-content">
            <p>{t("propose.sentText")}</p>
          </div>
        </div>
        <p>
          <Link to="/tray/my-services">{t("myServices.title")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t("propose.title")}</h1>
      <p className="lead">{t("propose.intro")}</p>
      <ul className="tray-editing-steps">
        <li>{t("propose.stepApproval")}</li>
        <li>{t("propose.stepEmail")}</li>
      </ul>
      <ServiceForm
        mode="propose"
        myUserId={me.userId}
        choices={[{ value: "propose", label: t("propose.submit") }]}
        cancelTo="/tray"
        onSubmit={async (details) => {
          try {
            const created = await create(details, false);
            if (created) setOutcome("sent");
          } catch (error) {
            if (error instanceof ApiFailure && error.code === "not_available_for_group") setOutcome("notAvailable");
            else throw error;
          }
        }}
      />
    </>
  );
}
