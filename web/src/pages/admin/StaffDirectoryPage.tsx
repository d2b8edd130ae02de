import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { ApiFailure } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { loadStaffPage, loadUnits, type StaffMember } from "./staffApi";
import { DirectoryNoticeView } from "./DirectoryNoticeView";
import { StaffTable } from "./StaffTable";
import "./admin.css";

/** What the form or the removal tells the directory to say when it opens. */
export interface DirectoryNotice {
  kind: "saved" | "removed";
  name: string;
  /** Case-handling roles waiting for an overseer's confirmation after the save. */
  pending: string[];
}

export function StaffDirectoryPage() {
  const { t } = useTranslation("admin");
  usePageTitle(t("directory.title"));
  const notice = (useLocation().state as DirectoryNotice | null) ?? null;
  const [loaded] = useApiData(async () => {
    const [first, units] = await Promise.all([loadStaffPage(null), loadUnits().catch(() => [])]);
    return { first, units };
  }, []);
  const [more, setMore] = useState<{ items: StaffMember[]; cursor: string | null } | null>(null);
  const [moreProblem, setMoreProblem] = useState<ApiFailure | null>(null);

  async function loadMore(cursor: string) {
    setMoreProblem(null);
    try {
      const page = await loadStaffPage(cursor);
      setMore((current) => ({ items: [...(current?.items ?? []), ...page.items], cursor: page.nextCursor }));
    } catch (error) {
      setMoreProblem(error instanceof ApiFailure ? error : new ApiFailure(0, null));
    }
  }

  return (
    <>
      <h1>{t("directory.title")}</h1>
      <DirectoryNoticeView notice={notice} />
      <p className="lead">{t("directory.intro")}</p>
      <p>
        <Link to="/staff/new" className="hds-button hds-button--primary">
          <span className="hds-button__label">{t("directory.add")}</span>
        </Link>
      </p>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "failed" && <ApiProblem failure={loaded.failure} />}
      {loaded.state === "ready" && (
        <>
          <StaffTable members={[...loaded.data.first.items, ...(more?.items ?? [])]} units={loaded.data.units} />
          {moreProblem && <ApiProblem failure={moreProblem} />}
          {(more ? more.cursor : loaded.data.first.nextCursor) && (
            <div className="button-row">
              <button
                type="button"
                className="hds-button hds-button--secondary"
                onClick={() => void loadMore((more ? more.cursor : loaded.data.first.nextCursor) as string)}
              >
                <span className="hds-button__label">{t("directory.more")}</span>
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}
