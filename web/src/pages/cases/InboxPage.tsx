import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { api, unwrap } from "../../api/client";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { usePagedList } from "../usePagedList";
import { CaseList } from "./CaseList";
import { InboxFilters } from "./InboxFilters";
import { apiQuery, queryFromSearch, searchFromQuery } from "./inboxQuery";
import { useReportTypes } from "./reportTypes";
import "./cases.css";
import { LoadMore } from "../LoadMore";

export function InboxPage() {
  const { t } = useTranslation("cases");
  usePageTitle(t("inbox.title"));
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => queryFromSearch(search), [search]);
  const types = useReportTypes();
  // Pages after the first are fetched with the API's cursor and added below.
  const { list: first, loadingMore, moreFailure, loadMore } = usePagedList(
    (cursor) => unwrap(api.GET("/cases", { params: { query: apiQuery(query, cursor ?? undefined) } })),
    [query],
  );

  const handedOver = (location.state as { notice?: string } | null)?.notice === "handedOver";
  const items = first.state === "ready" ? first.data.items : [];
  const cursor = first.state === "ready" ? first.data.nextCursor : null;

  return (
    <div className="inbox">
      <h1>{t("inbox.title")}</h1>
      <p className="lead">{t(query.closed ? "inbox.introClosed" : "inbox.intro")}</p>
      {handedOver && (
        <div className="hds-notification hds-notification--success" role="status">
          <div className="hds-notification-content">
            <p>{t("handover.doneAway")}</p>
          </div>
        </div>
      )}
      <InboxFilters key={search.toString()} query={query} types={types} onApply={(next) => setSearch(searchFromQuery(next))} />
      <h2 id="inbox-results-title">{t("inbox.results")}</h2>
      {first.state === "loading" && <Loading />}
      {first.state === "failed" && <ApiProblem failure={first.failure} />}
      {first.state === "ready" && (
        <>
          <p role="status">{t("inbox.count", { count: items.length })}</p>
          {items.length > 0 && <CaseList items={items} />}
          <LoadMore
            more={!!cursor}
            busy={loadingMore}
            failure={moreFailure}
            onMore={loadMore}
            label={t("inbox.more")}
          />
        </>
      )}
    </div>
  );
}
