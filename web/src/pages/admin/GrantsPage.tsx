import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, unwrap } from "../../api/client";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { usePagedList } from "../usePagedList";
import { GrantCard } from "./GrantCard";
import "./admin.css";
import { LoadMore } from "../LoadMore";

const PAGE_SIZE = 25;

function loadGrants(onlyPending: boolean, cursor: string | null) {
  return unwrap(
    api.GET("/staff/grants", { params: { query: { limit: PAGE_SIZE, cursor, ...(onlyPending ? { status: "pending" as const } : {}) } } }),
  );
}

/** Role changes under four eyes: every grant request and revocation of a case-handling
 * role, newest first. The decision buttons follow the API's `actions` for the caller, so
 * an admin (or the grantee, or the requester) sees the list without them. */
export function GrantsPage() {
  const { t } = useTranslation("admin");
  usePageTitle(t("grants.title"));
  const [onlyPending, setOnlyPending] = useState(false);
  const [status, setStatus] = useState({ text: "", decided: 0 });
  const statusText = status.text;
  const statusMessage = useRef<HTMLParagraphElement>(null);
  // A decision takes its buttons away: focus goes to what it did, not to the page.
  useEffect(() => {
    if (status.decided > 0) statusMessage.current?.focus();
  }, [status.decided]);
  const {
    list: loaded,
    loadingMore,
    moreFailure: moreProblem,
    loadMore,
    reload,
  } = usePagedList((cursor) => loadGrants(onlyPending, cursor), [onlyPending]);

  const refresh = (message: string) => {
    setStatus((current) => ({ text: message, decided: message ? current.decided + 1 : current.decided }));
    reload();
  };

  const nextCursor = loaded.state === "ready" ? loaded.data.nextCursor : null;
  const items = loaded.state === "ready" ? loaded.data.items : [];

  return (
    <>
      <h1>{t("grants.title")}</h1>
      <p className="lead">{t("grants.intro")}</p>
      <div className="hds-notification hds-notification--info admin-note">
        <div className="hds-notification-content">
          <p>{t("grants.checkIdentity")}</p>
        </div>
      </div>
      {/* Always on the page, so what a decision did is announced when it is filled in. */}
      <div role="status" aria-live="polite" className="grant-status">
        {statusText && (
          <div className="hds-notification hds-notification--success">
            <div className="hds-notification-content">
              <p ref={statusMessage} tabIndex={-1}>
                {statusText}
              </p>
            </div>
          </div>
        )}
      </div>
      <div className="hds-checkbox grants-filter">
        <input
          type="checkbox"
          id="grants-only-pending"
          className="hds-checkbox__input"
          checked={onlyPending}
          onChange={(event) => setOnlyPending(event.target.checked)}
        />
        <label className="hds-checkbox__label" htmlFor="grants-only-pending">
          {t("grants.onlyPending")}
        </label>
      </div>
      {loaded.state === "loading" && <Loading />}
      {loaded.state === "failed" && <ApiProblem failure={loaded.failure} />}
      {loaded.state === "ready" && items.length === 0 && <p>{onlyPending ? t("grants.noPending") : t("grants.empty")}</p>}
      {items.length > 0 && (
        <ul className="grant-list">
          {items.map((change) => (
            <GrantCard key={change.id} change={change} onDecided={refresh} onStale={() => refresh("")} />
          ))}
        </ul>
      )}
      <LoadMore
        more={!!nextCursor}
        busy={loadingMore}
        failure={moreProblem}
        onMore={loadMore}
        label={t("grants.more")}
      />
    </>
  );
}
