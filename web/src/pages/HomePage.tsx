import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../layout/usePageTitle";
import { hasRole, useSession } from "../session/SessionProvider";

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  usePageTitle(t("home.title"));
  if (!me) {
    return (
      <>
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
        <p>
          <Link className="hds-button hds-button--primary" to="/sign-in">
            <span className="hds-button__label">{t("home.signIn")}</span>
          </Link>
        </p>
        <h2>{t("home.anonymousTitle")}</h2>
        <p>{t("home.anonymousText")}</p>
      </>
    );
  }
  const shown = i18n.language as keyof typeof me.tenant.name;
  const tenantName = me.tenant.name[shown] ?? Object.values(me.tenant.name)[0];
  return (
    <>
      <h1>{t("home.welcome", { name: me.name ?? "" })}</h1>
      <p className="lead">{tenantName}</p>
      <ul className="card-links">
        {me.features.safetyReports && (
          <>
            <li>
              <Link to="/report">{t("nav.report")}</Link>
              <p>{t("home.reportText")}</p>
            </li>
            <li>
              <Link to="/reports">{t("nav.myReports")}</Link>
            </li>
          </>
        )}
        {me.features.caseHandling && (
          <li>
            <Link to="/cases">{t("nav.cases")}</Link>
          </li>
        )}
        {me.features.serviceTray && (
          <li>
            <Link to="/tray">{t("nav.tray")}</Link>
            <p>{t("home.trayText")}</p>
          </li>
        )}
        {hasRole(me, "wellbeing_coordinator") && (
          <li>
            <Link to="/tray/catalogue">{t("nav.trayCatalogue")}</Link>
          </li>
        )}
        {hasRole(me, "safety_manager", "hr_director") && (
          <li>
            <Link to="/stats">{t("nav.stats")}</Link>
          </li>
        )}
        {me.features.tenantAdministration && (
          <li>
            <Link to="/staff">{t("nav.staff")}</Link>
          </li>
        )}
      </ul>
    </>
  );
}
