import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api, unwrap } from "../../../api/client";
import { TextField } from "../../../forms/fields";
import { Loading } from "../../../layout/ApiProblem";
import { usePageTitle } from "../../../layout/usePageTitle";
import { FilterSelect } from "../../cases/InboxFilters";
import { ApiText } from "../../cases/ApiText";
import { LoadMore } from "../../LoadMore";
import { usePagedList } from "../../usePagedList";
import { useServiceText, type ServiceView } from "../serviceText";
import { apiQuery, CATEGORIES, KINDS, queryFromSearch, SEARCH_MAX, searchFromQuery, type BrowseQuery } from "./browseQuery";
import { Availability, hasAvailability, ServiceBasics, useSharedBy } from "./serviceFacts";
import { isNotOpen, TrayLinks, TrayProblem } from "../trayFrame";
import "./ordering.css";

/** /tray: the services offered to me, searched by words, category and kind (in the URL, so
 * Back returns to the same search), a page at a time. */
export function BrowsePage() {
  const { t } = useTranslation("tray");
  usePageTitle(t("browse.title"));
  const [search, setSearch] = useSearchParams();
  const query = useMemo(() => queryFromSearch(search), [search]);
  const { list, loadingMore, moreFailure, loadMore } = usePagedList(
    (cursor) => unwrap(api.GET("/services", { params: { query: apiQuery(query, cursor) } })),
    [query],
  );
  const notOpen = list.state === "failed" && isNotOpen(list.failure);

  return (
    <div className="tray">
      <h1>{t("browse.title")}</h1>
      {notOpen ? (
        <>
          <TrayProblem failure={list.failure} />
          <TrayLinks browse={false} propose={false} />
        </>
      ) : (
        <>
          <p className="lead">{t("browse.intro")}</p>
          <TrayLinks browse={false} />
          <SearchForm key={search.toString()} query={query} onApply={(next) => setSearch(searchFromQuery(next))} />
          <h2 id="tray-results-title">{t("browse.results")}</h2>
          {list.state === "loading" && <Loading />}
          {list.state === "failed" && <TrayProblem failure={list.failure} />}
          {list.state === "ready" && (
            <>
              <p role="status">
                {list.data.items.length === 0 ? t("browse.none") : t("browse.count", { count: list.data.items.length })}
              </p>
              {list.data.items.length > 0 && (
                <ul className="tray-cards" aria-labelledby="tray-results-title">
                  {list.data.items.map((service) => (
                    <ServiceCard key={service.serviceId} service={service} />
                  ))}
                </ul>
              )}
              <LoadMore
                more={!!list.data.nextCursor}
                busy={loadingMore}
                failure={moreFailure}
                onMore={loadMore}
                label={t("browse.more")}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}

function SearchForm({ query, onApply }: { query: BrowseQuery; onApply(query: BrowseQuery): void }) {
  const { t } = useTranslation("tray");
  const [draft, setDraft] = useState(query);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const searching = !!(query.q || query.category || query.kind);
  return (
    <form className="tray-search" role="search" onSubmit={apply} aria-labelledby="tray-search-title">
      <h2 id="tray-search-title">{t("browse.searchTitle")}</h2>
      <TextField
        id="tray-search-q"
        label={t("browse.search")}
        hint={t("browse.searchHint")}
        type="search"
        // The browser keeps no list of what was searched (a shared computer).
        autoComplete="off"
        maxLength={SEARCH_MAX}
        value={draft.q}
        onChange={(q) => setDraft({ ...draft, q })}
      />
      <div className="tray-search__filters">
        <FilterSelect
          id="tray-search-category"
          label={t("browse.category")}
          all={t("browse.allCategories")}
          options={CATEGORIES.map((value) => ({ value, label: t(`labels.category.${value}`) }))}
          value={draft.category}
          onChange={(category) => setDraft({ ...draft, category: category as BrowseQuery["category"] })}
        />
        <FilterSelect
          id="tray-search-kind"
          label={t("browse.kind")}
          all={t("browse.allKinds")}
          options={KINDS.map((value) => ({ value, label: t(`labels.kind.${value}`) }))}
          value={draft.kind}
          onChange={(kind) => setDraft({ ...draft, kind: kind as BrowseQuery["kind"] })}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--primary">
          <span className="hds-button__label">{t("browse.apply")}</span>
        </button>
        {searching && (
          <button type="button" className="hds-button hds-button--secondary" onClick={() => onApply({ q: "", category: "", kind: "" })}>
            <span className="hds-button__label">{t("browse.clear")}</span>
          </button>
        )}
      </div>
    </form>
  );
}

/** One service in the results: its title leads to its page. */
export function ServiceCard({ service }: { service: ServiceView }) {
  const { t } = useTranslation("tray");
  const text = useServiceText();
  const title = text(service.details.title);
  const sharedBy = useSharedBy(service);
  return (
    <li className="tray-card">
      <h3 className="tray-card__title">
        <Link to={`/tray/services/${service.serviceId}`}>
          <ApiText lang={title.lang}>{title.text}</ApiText>
        </Link>
      </h3>
      {sharedBy && <p className="tray-card__shared">{sharedBy}</p>}
      <dl className="summary-list">
        <ServiceBasics service={service} />
        {hasAvailability(service) && (
          <div>
            <dt>{t("service.availability")}</dt>
            <dd>
              <Availability service={service} />
            </dd>
          </div>
        )}
      </dl>
    </li>
  );
}
