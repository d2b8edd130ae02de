import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { usePageTitle } from "../layout/usePageTitle";
import { useSession } from "../session/SessionProvider";
import { demoPeople, type DemoPerson } from "../session/signInMethods";
import { beginOidcSignIn, safeReturnPath } from "../session/oidcSignIn";

function useReturnPath(): string {
  const location = useLocation();
  return safeReturnPath((location.state as { returnTo?: string } | null)?.returnTo ?? "/");
}

function DemoPeoplePicker({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  const { config, signInLocal } = useSession();
  const navigate = useNavigate();
  const [people, setPeople] = useState<DemoPerson[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (config.signIn.kind !== "local") return;
    demoPeople(config.signIn).then(setPeople, () => setFailed(true));
  }, [config]);
  const byTenant = useMemo(() => {
    const groups = new Map<string, DemoPerson[]>();
    for (const person of people ?? []) groups.set(person.tenantName, [...(groups.get(person.tenantName) ?? []), person]);
    return [...groups.entries()];
  }, [people]);
  if (failed) return <p role="alert">{t("errors.network")}</p>;
  if (!people) return <p aria-live="polite">{t("loading")}</p>;
  return (
    <>
      <p>{t("signIn.demoIntro")}</p>
      {byTenant.map(([tenantName, members]) => (
        <section key={tenantName} aria-labelledby={`tenant-${members[0]?.tenantId}`}>
          <h2 id={`tenant-${members[0]?.tenantId}`}>{tenantName}</h2>
          <ul className="people-list">
            {members.map((person) => (
              <li key={person.userId}>
                <button
                  type="button"
                  className="hds-button hds-button--secondary"
                  onClick={async () => {
                    try {
                      const { mayReturn } = await signInLocal(person.userId);
                      navigate(mayReturn ? returnTo : "/", { replace: true });
                    } catch {
                      setFailed(true);
                    }
                  }}
                >
                  <span className="hds-button__label">{t("signIn.as", { name: person.name })}</span>
                </button>
                <span className="person-roles">
                  {person.roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(", ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const { config, ended } = useSession();
  const returnTo = useReturnPath();
  usePageTitle(t("signIn.title"));
  return (
    <>
      <h1>{t("signIn.title")}</h1>
      {ended && (
        <div className="hds-notification hds-notification--info" role="status">
          <div className="hds-notification-content">
            <p>{t(`signIn.ended.${ended}`)}</p>
          </div>
        </div>
      )}
      {config.signIn.kind === "local" ? (
        <DemoPeoplePicker returnTo={returnTo} />
      ) : (
        <button
          type="button"
          className="hds-button hds-button--primary"
          onClick={() => config.signIn.kind === "oidc" && beginOidcSignIn(config.signIn, returnTo)}
        >
          <span className="hds-button__label">{t("signIn.withOrganisation")}</span>
        </button>
      )}
    </>
  );
}
