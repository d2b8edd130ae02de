import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useSearchParams } from "react-router";
import { ApiFailure, api, unwrap, type Schemas } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { CaseList } from "./CaseList";
import { InboxFilters } from "./InboxFilters";
import { apiQuery, queryFromSearch, searchFromQuery } from "./inboxQuery";
import { useReportTypes } from "./reportTypes";
import "./cases.css";

type CaseSummary = Schemas["CaseSummaryView"];

/** Pages after the first, fetched with the API's cursor and added below. */
interface More {
  items: CaseSummary[];
  nextCursor: string | null;
}

export function InboxPage() {
  const { t } = useTranslation("cases");
  usePageTitle(t("inbox.title"));
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => queryFromSearch(search), [search]);
  const types = useReportTypes();
  const [first] = useApiData(() => unwrap(api.GET("/cases", { params: { query: apiQuery(query) } })), [query]);
  const [more, setMore] = useState<More | null>(null);
  const [moreFailure, setMoreFailure] = useState<ApiFailure | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  useEffect(() => {
    setMore(null);
    setMoreFailure(null);
  }, [query]);

  const handedOver = (location.state as { notice?: string } | null)?.notice === "handedOver";
  const items = first.state === "ready" ? [...first.data.items, ...(more?.items ?? [])] : [];
  const cursor = more ? more.nextCursor : first.state === "ready" ? first.data.nextCursor : null;

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    setMoreFailure(null);
    try {
      const page = await unwrap(api.GET("/cases", { params: { query: apiQuery(query, cursor) } }));
      setMore({ items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (error) {
      setMoreFailure(error instanceof ApiFailure ? error : new ApiFailure(0, null));
    } finally {
      setLoadingMore(false);
    }
  };

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
          {moreFailure && <ApiProblem failure={moreFailure} />}
          {cursor && (
            <div className="button-row">
              <button type="button" className="hds-button hds-button--secondary" onClick={loadMore} disabled={loadingMore}>
                <span className="hds-button__label">{t("inbox.more")}</span>
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
