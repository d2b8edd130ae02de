import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { usePageTitle } from "../../../layout/usePageTitle";
import { hasRole, useSession } from "../../../session/SessionProvider";
import { leaveNotice } from "./notice";
import { ServiceForm } from "./ServiceForm";
import { useCreateService } from "./useCreate";
import { CoordinatorsOnly } from "../trayFrame";
import "./trayEditing.css";

/** A coordinator's new service: saved as a draft, or published at once. */
export function NewServicePage() {
  const { t } = useTranslation("trayEditing");
  usePageTitle(t("newService.title"));
  const { me } = useSession();
  const navigate = useNavigate();
  const create = useCreateService();
  if (!me) return null;
  if (!hasRole(me, "wellbeing_coordinator")) return <CoordinatorsOnly title={t("newService.title")} />;
  return (
    <>
      <p className="back-link">
        <Link to="/tray/catalogue">{t("catalogue.title")}</Link>
      </p>
      <h1>{t("newService.title")}</h1>
      <ServiceForm
        mode="create"
        myUserId={me.userId}
        choices={[
          { value: "draft", label: t("newService.saveDraft"), primary: false },
          { value: "publish", label: t("newService.publish") },
        ]}
        cancelTo="/tray/catalogue"
        onSubmit={async (details, choice) => {
          const publish = choice === "publish";
          const created = await create(details, publish);
          if (!created) return;
          leaveNotice(publish ? "published" : "created");
          navigate("/tray/catalogue");
        }}
      />
    </>
  );
}
