import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../session/SessionProvider";

/** After "yes" to the harassment question: a calm way to the confidential report form,
 * signed in or anonymously, and who would see a report. The survey itself never files
 * anything and tells nobody; nothing is sent unless the person chooses to. */
export function ScreeningBridge({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("survey");
  const { me } = useSession();
  const Heading = `h${headingLevel}` as const;
  const tenant = me?.tenant.id;
  return (
    <section className="hds-notification hds-notification--info survey-bridge" aria-labelledby="survey-bridge-title">
      <div className="hds-notification-content">
        <Heading className="hds-notification__label" id="survey-bridge-title">
          {t("bridge.title")}
        </Heading>
        <p>{t("bridge.text")}</p>
        <p>{t("bridge.whoSees")}</p>
        <ul className="survey-bridge__links">
          {me?.features.safetyReports !== false && (
            <li>
              <Link to="/report">{t("bridge.signedIn")}</Link>
            </li>
          )}
          {tenant && (
            <li>
              <Link to={`/${tenant}/report`}>{t("bridge.anonymous")}</Link>
            </li>
          )}
        </ul>
        <p>{t("bridge.nothingSent")}</p>
      </div>
    </section>
  );
}
