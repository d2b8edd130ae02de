import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../../format";
import { useSession } from "../../../session/SessionProvider";
import type { ServiceView } from "../serviceText";

/** Sessions still to come (or going on), soonest first. */
export function upcomingSessions(service: ServiceView, now: Date = new Date()): ServiceView["details"]["sessions"] {
  return [...service.details.sessions]
    .filter((session) => new Date(session.endsAt ?? session.startsAt) >= now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** When: "on request", or the next session (a card) / every upcoming session (the page). */
export function When({ service, all = false }: { service: ServiceView; all?: boolean }) {
  const { t, i18n } = useTranslation("tray");
  if (service.details.onRequest) return <>{t("service.onRequest")}</>;
  const sessions = upcomingSessions(service);
  const first = sessions[0];
  if (!first) return <>{t("service.noSessions")}</>;
  if (!all) return <>{t("service.nextSession", { date: formatDate(first.startsAt, i18n.language) })}</>;
  return (
    <ul className="tray-sessions">
      {sessions.map((session) => (
        <li key={session.startsAt}>
          {formatDateTime(session.startsAt, i18n.language)}
          {session.endsAt && <> – {formatDateTime(session.endsAt, i18n.language)}</>}
        </li>
      ))}
    </ul>
  );
}

/** Full, N places left, or nothing (unlimited, or a confidential service's count kept back). */
export function Availability({ service }: { service: ServiceView }) {
  const { t } = useTranslation("tray");
  if (service.full) return <strong>{t("service.full")}</strong>;
  if (service.placesLeft === null) return null;
  return <>{t("service.placesLeft", { count: service.placesLeft })}</>;
}

export function hasAvailability(service: ServiceView): boolean {
  return service.full || service.placesLeft !== null;
}

/** The provider: an organisation by name, a peer provider by the name they signed in with, any other person as "a colleague". */
export function Provider({ service }: { service: ServiceView }) {
  const { t } = useTranslation("tray");
  return <>{service.details.provider.organisation ?? service.providerName ?? t("service.colleague")}</>;
}

/** A service owned by another member of my tenant group: who shares it. The API gives the
 * owner's tenant id only, so an organisation provider's name stands for it when there is one. */
export function useSharedBy(service: ServiceView): string | null {
  const { t } = useTranslation("tray");
  const { me } = useSession();
  if (!me || service.tenantId === me.tenant.id) return null;
  return t("service.sharedBy", { owner: service.details.provider.organisation ?? t("service.sharedByOther") });
}

/** Whether I provide (or proposed) this service myself: I cannot order it. */
export function isMine(service: ServiceView, userId: string | undefined): boolean {
  return !!userId && (service.details.provider.userId === userId || service.proposedBy === userId);
}

/** What every service shows, on a card and on its page: category, kind, format, place and
 * when (the next session on a card, every upcoming one on the page). Items of a `<dl>`. */
export function ServiceBasics({ service, allSessions = false }: { service: ServiceView; allSessions?: boolean }) {
  const { t } = useTranslation("tray");
  const details = service.details;
  return (
    <>
      <div>
        <dt>{t("service.category")}</dt>
        <dd>{t(`labels.category.${details.category}`)}</dd>
      </div>
      <div>
        <dt>{t("service.kind")}</dt>
        <dd>{t(`labels.kind.${details.kind}`)}</dd>
      </div>
      <div>
        <dt>{t("service.format")}</dt>
        <dd>{t(`labels.format.${details.format}`)}</dd>
      </div>
      {details.place && (
        <div>
          <dt>{t("service.place")}</dt>
          <dd>{details.place}</dd>
        </div>
      )}
      <div>
        <dt>{t("service.when")}</dt>
        <dd>
          <When service={service} all={allSessions} />
        </dd>
      </div>
    </>
  );
}
