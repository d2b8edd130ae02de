import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { roleList } from "./roleText";
import { unitName, type StaffMember, type Unit } from "./staffApi";

/** The directory as a table; on a narrow screen each row stacks into a card (admin.css),
 * each cell labelled by its column (data-label). */
export function StaffTable({ members, units }: { members: StaffMember[]; units: Unit[] }) {
  const { t, i18n } = useTranslation("admin");
  const nameOfUnit = (id: string) => {
    const unit = units.find((candidate) => candidate.id === id);
    return unit ? unitName(unit, i18n.language) : id;
  };
  // A dash to the eye, a word to a screen reader.
  const none = (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t("directory.none")}</span>
    </>
  );
  if (members.length === 0) return <p>{t("directory.empty")}</p>;
  const columns = {
    name: t("directory.name"),
    roles: t("directory.rolesInForce"),
    pending: t("directory.pending"),
    units: t("directory.supervisedUnits"),
  };
  return (
    <div className="hds-table-container staff-table">
      <table className="hds-table hds-table--light">
        <caption className="visually-hidden">{t("directory.caption")}</caption>
        <thead className="hds-table__header-row">
          <tr>
            <th scope="col">{columns.name}</th>
            <th scope="col">{columns.roles}</th>
            <th scope="col">{columns.pending}</th>
            <th scope="col">{columns.units}</th>
          </tr>
        </thead>
        <tbody className="hds-table__content">
          {members.map((member) => (
            <tr key={member.userId}>
              <th scope="row" data-label={columns.name}>
                <Link to={`/staff/${encodeURIComponent(member.userId)}`}>{member.name}</Link>
                <span className="staff-email">{member.email}</span>
              </th>
              <td data-label={columns.roles}>
                {member.roles && member.roles.length > 0 ? roleList(member.roles, t) : t("directory.noRoles")}
              </td>
              <td data-label={columns.pending}>
                {(member.pendingGrants ?? []).length === 0
                  ? none
                  : (member.pendingGrants ?? []).map((grant) => (
                      <span key={grant.changeId} className="hds-status-label hds-status-label--alert pending-label">
                        {t("directory.pendingRole", { role: t(`common:roles.${grant.role}`) })}
                      </span>
                    ))}
              </td>
              <td data-label={columns.units}>
                {(member.supervisedUnits ?? []).length === 0 ? none : (member.supervisedUnits ?? []).map(nameOfUnit).join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
