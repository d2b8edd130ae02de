import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** What someone without the coordinator's role sees on a coordinator's screen. */
export function ForbiddenPage({ title }: { title: string }) {
  const { t } = useTranslation("trayEditing");
  return (
    <>
      <h1>{title}</h1>
      <div className="hds-notification hds-notification--error" role="alert">
        <div className="hds-notification-content">
          <p>{t("forbidden")}</p>
        </div>
      </div>
      <p>
        <Link to="/">{t("common:notFound.home")}</Link>
      </p>
    </>
  );
}
