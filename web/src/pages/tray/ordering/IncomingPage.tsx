import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api, unwrap } from "../../../api/client";
import { RadioGroup } from "../../../forms/fields";
import { Loading } from "../../../layout/ApiProblem";
import { usePageTitle } from "../../../layout/usePageTitle";
import { useSession } from "../../../session/SessionProvider";
import { LoadMore } from "../../LoadMore";
import { usePagedList } from "../../usePagedList";
import { Notice, useActionNotice } from "./Notice";
import { OrderList } from "./OrderList";
import { isCoordinator, TrayLinks, TrayProblem } from "../trayFrame";
import "./ordering.css";

type Handler = "me" | "organisation";

/** /tray/orders/incoming: orders to handle, mine as a provider or (a coordinator's choice,
 * kept in the URL) the organisation's, with accept, decline and complete in place. */
export function IncomingPage() {
  const { t } = useTranslation("tray");
  usePageTitle(t("incoming.title"));
  const { me } = useSession();
  const coordinator = isCoordinator(me);
  const [search, setSearch] = useSearchParams();
  const handler: Handler = coordinator && search.get("handler") === "organisation" ? "organisation" : "me";
  const { list, loadingMore, moreFailure, loadMore, reload } = usePagedList(
    (cursor) => unwrap(api.GET("/orders/incoming", { params: { query: { handler, ...(cursor ? { cursor } : {}) } } })),
    [handler],
  );
  const { notice, done, conflict } = useActionNotice(reload);
  return (
    <div className="tray">
      <h1>{t("incoming.title")}</h1>
      <p className="lead">{t("incoming.intro")}</p>
      {coordinator && <WhoseOrders key={handler} handler={handler} onShow={(next) => setSearch(next === "organisation" ? { handler: next } : {})} />}
      <Notice notice={notice} />
      <h2 id="incoming-list-title">{t(handler === "organisation" ? "incoming.organisation" : "incoming.mine")}</h2>
      {list.state === "loading" && <Loading />}
      {list.state === "failed" && <TrayProblem failure={list.failure} />}
      {list.state === "ready" && (
        <>
          {list.data.items.length === 0 ? (
            <p>{t("incoming.none")}</p>
          ) : (
            <OrderList orders={list.data.items} labelledBy="incoming-list-title" onDone={done} onConflict={conflict} />
          )}
          <LoadMore more={!!list.data.nextCursor} busy={loadingMore} failure={moreFailure} onMore={loadMore} label={t("orders.more")} />
        </>
      )}
      <TrayLinks propose={false} />
    </div>
  );
}

/** The coordinator's choice, applied with its button (a radio alone changes nothing). */
function WhoseOrders({ handler, onShow }: { handler: Handler; onShow(handler: Handler): void }) {
  const { t } = useTranslation("tray");
  const [chosen, setChosen] = useState<Handler>(handler);
  const show = (event: FormEvent) => {
    event.preventDefault();
    onShow(chosen);
  };
  return (
    <form className="tray-search" onSubmit={show}>
      <RadioGroup
        id="incoming-handler"
        label={t("incoming.whose")}
        required
        options={[
          { value: "me", label: t("incoming.mine") },
          { value: "organisation", label: t("incoming.organisation") },
        ]}
        value={chosen}
        onChange={(value) => setChosen(value as Handler)}
      />
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--secondary">
          <span className="hds-button__label">{t("incoming.show")}</span>
        </button>
      </div>
    </form>
  );
}
