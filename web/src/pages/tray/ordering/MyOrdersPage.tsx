
import { useTranslation } from "react-i18next";
import { api, unwrap } from "../../../api/client";
import { Loading } from "../../../layout/ApiProblem";
import { usePageTitle } from "../../../layout/usePageTitle";
import { LoadMore } from "../../LoadMore";
import { usePagedList } from "../../usePagedList";
import { Notice, useActionNotice } from "./Notice";
import { OrderList } from "./OrderList";
import { TrayLinks, TrayProblem } from "../trayFrame";
import "./ordering.css";

/** /tray/orders: what I ordered, with cancel and feedback in place. */
export function MyOrdersPage() {
  const { t } = useTranslation("tray");
  usePageTitle(t("orders.mineTitle"));
  const { list, loadingMore, moreFailure, loadMore, reload } = usePagedList(
    (cursor) => unwrap(api.GET("/orders/mine", { params: { query: cursor ? { cursor } : {} } })),
    [],
  );
  const { notice, done, conflict } = useActionNotice(reload);
  return (
    <div className="tray">
      <h1 id="my-orders-title">{t("orders.mineTitle")}</h1>
      <p className="lead">{t("orders.mineIntro")}</p>
      <Notice notice={notice} />
      {list.state === "loading" && <Loading />}
      {list.state === "failed" && <TrayProblem failure={list.failure} />}
      {list.state === "ready" && (
        <>
          {list.data.items.length === 0 ? (
            <p>{t("orders.none")}</p>
          ) : (
            <OrderList orders={list.data.items} labelledBy="my-orders-title" onDone={done} onConflict={conflict} />
          )}
          <LoadMore more={!!list.data.nextCursor} busy={loadingMore} failure={moreFailure} onMore={loadMore} label={t("orders.more")} />
        </>
      )}
      <TrayLinks propose={false} />
    </div>
  );
}
