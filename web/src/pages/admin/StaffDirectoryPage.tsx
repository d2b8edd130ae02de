import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApiData } from "../../api/useApiData";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { usePagedList } from "../usePagedList";
import { forgetDirectoryNotice, peekDirectoryNotice } from "./directoryNotice";
import { loadStaffPage, loadUnits } from "./staffApi";
import { DirectoryNoticeView } from "./DirectoryNoticeView";
import { StaffTable } from "./StaffTable";
import "./admin.css";
import { LoadMore } from "../LoadMore";

export function StaffDirectoryPage() {
  const { t } = useTranslation("admin");
  usePageTitle(t("directory.title"));
  // What a save or a removal left to say: shown on this visit only.
  const [notice] = useState(peekDirectoryNotice);
  useEffect(() => forgetDirectoryNotice(notice), [notice]);
  const { list, loadingMore, moreFailure: moreProblem, loadMore } = usePagedList(loadStaffPage, []);
  const [units] = useApiData(() => loadUnits().catch(() => []), []);
  const loaded =
    list.state === "ready" && units.state === "ready"
      ? ({ state: "ready", data: { first: list.data, units: units.data } } as const)
      : list.state === "failed"
        ? list
        : ({ state: "loading" } as const);

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
          <StaffTable members={loaded.data.first.items} units={loaded.data.units} />
          <LoadMore
            more={!!loaded.data.first.nextCursor}
            busy={loadingMore}
            failure={moreProblem}
            onMore={loadMore}
            label={t("directory.more")}
          />
        </>
      )}
    </>
  );
}
