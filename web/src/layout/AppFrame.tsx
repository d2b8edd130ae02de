import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, useLocation } from "react-router";
import { LANGUAGES } from "../i18n";
import { QuickExitButton } from "../safety/QuickExitButton";
import { SessionTimeoutWarning } from "../session/SessionTimeoutWarning";
import { chooseLanguage, hasRole, useSession } from "../session/SessionProvider";

const LANGUAGE_NAMES: Record<string, string> = { fi: "Suomi", sv: "Svenska", en: "English" };

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <nav aria-label={t("language.label")} className="language-switch">
      <ul>
        {LANGUAGES.map((language) => (
          <li key={language}>
            <button
              type="button"
              lang={language}
              className="link-button"
              aria-current={i18n.language === language ? "true" : undefined}
              onClick={() => chooseLanguage(language)}
            >
              {LANGUAGE_NAMES[language]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function MainNavigation() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return null;
  const links: { to: string; label: string; show: boolean }[] = [
    { to: "/report", label: t("nav.report"), show: me.features.safetyReports },
    { to: "/reports", label: t("nav.myReports"), show: me.features.safetyReports },
    { to: "/cases", label: t("nav.cases"), show: me.features.caseHandling },
    { to: "/tray", label: t("nav.tray"), show: me.features.serviceTray },
    { to: "/tray/catalogue", label: t("nav.trayCatalogue"), show: hasRole(me, "wellbeing_coordinator") },
    { to: "/survey", label: t("nav.survey"), show: true },
    { to: "/wellbeing/aggregates", label: t("nav.aggregates"), show: me.features.wellbeingAggregates },
    { to: "/stats", label: t("nav.stats"), show: hasRole(me, "safety_manager", "hr_director") },
    { to: "/staff", label: t("nav.staff"), show: me.features.tenantAdministration },
    { to: "/staff/grants", label: t("nav.grants"), show: hasRole(me, "tenant_admin", "safety_manager", "hr_director") },
    { to: "/staff/refused-reads", label: t("nav.refusedReads"), show: hasRole(me, "safety_manager", "hr_director") },
  ];
  return (
    <nav aria-label={t("nav.label")} className="main-nav">
      <ul>
        {links
          .filter((link) => link.show)
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end>
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

/** Moves focus to the main heading on every route change, so screen reader and keyboard
 * users start at the new page's top rather than at a link that no longer exists. */
function useFocusOnNavigation(target: React.RefObject<HTMLElement | null>) {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // A page that already put focus somewhere inside itself (an error summary) keeps it.
    const active = document.activeElement;
    if (active && active !== target.current && target.current?.contains(active)) return;
    const heading = target.current?.querySelector<HTMLElement>("h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [location.pathname, target]);
}

export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, signOut, config } = useSession();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigation(main);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__bar">
          <Link to="/" className="app-header__name">
            {t("appName")}
          </Link>
          <LanguageSwitch />
          <QuickExitButton url={config.quickExitUrl} />
        </div>
        <div className="app-header__session">
          <MainNavigation />
          {me && (
            <div className="signed-in">
              <span>{t("signedInAs", { name: me.name ?? me.userId })}</span>
              <button type="button" className="hds-button hds-button--secondary hds-button--small" onClick={signOut}>
                <span className="hds-button__label">{t("signOut")}</span>
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <p>{t("footer.privacy")}</p>
      </footer>
      {me && <SessionTimeoutWarning />}
    </>
  );
}
