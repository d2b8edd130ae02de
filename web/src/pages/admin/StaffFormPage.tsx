import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { useApiData } from "../../api/useApiData";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { useSession } from "../../session/SessionProvider";
import { RemoveStaffMember } from "./RemoveStaffMember";
import { findStaffMember, loadUnits, type StaffMember } from "./staffApi";
import { StaffForm } from "./StaffForm";
import { StoredEntry } from "./StoredEntry";
import { leaveDirectoryNotice, type DirectoryNotice } from "./directoryNotice";
import "./admin.css";

/** Add (/staff/new) or edit (/staff/:userId) one person of the staff directory. */
export function StaffFormPage() {
  const { userId } = useParams();
  const isNew = userId === undefined;
  const { t } = useTranslation("admin");
  const { me } = useSession();
  const navigate = useNavigate();
  usePageTitle(isNew ? t("form.titleNew") : t("form.titleEdit"));
  const [loaded, reload] = useApiData(
    async () => ({ member: isNew ? null : await findStaffMember(userId), units: await loadUnits() }),
    [userId],
  );
  const saved = (member: StaffMember) => {
    const notice: DirectoryNotice = { kind: "saved", name: member.name, pending: (member.pendingGrants ?? []).map((g) => g.role) };
    leaveDirectoryNotice(notice);
    navigate("/staff");
  };

  return (
    <>
      <h1>{isNew ? t("form.titleNew") : t("form.titleEdit")}</h1>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "failed" && <ApiProblem failure={loaded.failure} />}
      {loaded.state === "ready" && (
        <>
          {loaded.data.member && <StoredEntry member={loaded.data.member} />}
          {loaded.data.member && me?.userId === loaded.data.member.userId && (
            <p className="hds-notification hds-notification--info admin-note">{t("form.ownEntry")}</p>
          )}
          <StaffForm existing={loaded.data.member} units={loaded.data.units} onSaved={saved} onConflict={reload} />
          {loaded.data.member && me?.userId !== loaded.data.member.userId && (
            <RemoveStaffMember member={loaded.data.member} />
          )}
        </>
      )}
    </>
  );
}
