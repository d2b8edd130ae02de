import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../format";
import { roleList } from "./roleText";
import type { StaffMember } from "./staffApi";

/** What is stored now: the roles in force and those waiting, refreshed after a conflict. */
export function StoredEntry({ member }: { member: StaffMember }) {
  const { t, i18n } = useTranslation("admin");
  const pending = member.pendingGrants ?? [];
  return (
    <section aria-labelledby="stored-entry-title">
      <h2 id="stored-entry-title">{t("form.storedTitle", { name: member.name })}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t("directory.rolesInForce")}</dt>
          <dd>{member.roles && member.roles.length > 0 ? roleList(member.roles, t) : t("directory.noRoles")}</dd>
        </div>
        <div>
          <dt>{t("directory.pending")}</dt>
          <dd>
            {pending.length === 0
              ? t("directory.nonePending")
              : pending
                  .map((grant) => t("form.pendingSince", { role: t(`common:roles.${grant.role}`), date: formatDateTime(grant.requestedAt, i18n.language) }))
                  .join("; ")}
          </dd>
        </div>
      </dl>
      {pending.length > 0 && <p>{t("form.pendingExplained")}</p>}
    </section>
  );
}
