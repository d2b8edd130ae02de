import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api, unwrap } from "../../../api/client";
import { RadioGroup } from "../../../forms/fields";
import { useSession } from "../../../session/SessionProvider";
import { ApiText } from "../../cases/ApiText";
import { FormProblem } from "../../cases/FormProblem";
import { labelsOf, useReportTypes } from "../../cases/reportTypes";
import { useSubmission } from "../../cases/useSubmission";
import { useServiceText, type OrderView, type ServiceView } from "../serviceText";
import { isMine } from "./serviceFacts";

const MYSELF = "";

/** Why I cannot order this service now, if I cannot. */
export function whyNotOrderable(service: ServiceView, userId: string | undefined): "own" | "full" | "notPublished" | null {
  if (service.status !== "published") return "notPublished";
  if (isMine(service, userId)) return "own";
  if (service.full) return "full";
  return null;
}

/** Ordering a service: the Order button, then a check-your-answers step (what, for whom: a
 * supervisor may order for a unit of theirs) and sending. One Idempotency-Key per order
 * (useSubmission): a retry after a lost answer or a 5xx never orders twice. */
export function OrderPanel({ service, onConflict }: { service: ServiceView; onConflict(): void }) {
  const { t } = useTranslation("tray");
  const { me } = useSession();
  const navigate = useNavigate();
  const text = useServiceText();
  const title = text(service.details.title);
  const [checking, setChecking] = useState(false);
  const [forUnit, setForUnit] = useState(MYSELF);
  const sending = useSubmission(onConflict);
  const heading = useRef<HTMLHeadingElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const units = me?.supervisedUnits ?? [];
  const labels = labelsOf(useReportTypes());
  const [moved, setMoved] = useState(false);

  useEffect(() => {
    if (checking) heading.current?.focus();
    else if (moved) start.current?.focus();
  }, [checking, moved]);

  const capacityFull = sending.failure?.status === 409 && sending.failure.code === "capacity_full";
  const reason = whyNotOrderable(service, me?.userId);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.busy || reason) return;
    const body = { serviceId: service.serviceId, ...(forUnit ? { forUnit } : {}) };
    let placed: OrderView | null = null;
    const ok = await sending.submit(body, async (key) => {
      placed = await unwrap(api.POST("/orders", { params: { header: { "Idempotency-Key": key } }, body }));
    });
    if (ok && placed) navigate(`/tray/orders/${(placed as OrderView).orderId}`, { state: { notice: "ordered" } });
  };

  const problem = capacityFull ? (
    <div className="hds-notification hds-notification--error" role="alert">
      <div className="hds-notification-content">
        <p>{t("order.capacityFull")}</p>
      </div>
    </div>
  ) : sending.failure?.status === 422 ? (
    <div className="hds-notification hds-notification--error" role="alert">
      <div className="hds-notification-content">
        <p>{t("order.notPossible")}</p>
      </div>
    </div>
  ) : (
    <FormProblem failure={sending.failure} />
  );

  const why = reason && <p className="tray-not-orderable">{t(reason === "notPublished" ? "service.notPublished" : `order.${reason}`)}</p>;
  if (reason && !checking) {
    return (
      <>
        {problem}
        {why}
      </>
    );
  }
  if (!checking) {
    return (
      <>
        {problem}
        <div className="button-row">
          <button ref={start} type="button" className="hds-button hds-button--primary" onClick={() => setChecking(true)}>
            <span className="hds-button__label">{t("order.start")}</span>
          </button>
        </div>
      </>
    );
  }
  return (
    <form className="tray-order-check" onSubmit={send} noValidate aria-labelledby="order-check-title">
      <h3 id="order-check-title" ref={heading} tabIndex={-1}>
        {t("order.checkTitle")}
      </h3>
      {problem}
      {why}
      <dl className="summary-list">
        <div>
          <dt>{t("order.what")}</dt>
          <dd>
            <ApiText lang={title.lang}>{title.text}</ApiText>
          </dd>
        </div>
        {units.length === 0 && (
          <div>
            <dt>{t("order.forWhom")}</dt>
            <dd>{t("order.forMyself")}</dd>
          </div>
        )}
      </dl>
      {units.length > 0 && (
        <RadioGroup
          id="order-for"
          label={t("order.forWhom")}
          required
          options={[
            { value: MYSELF, label: t("order.forMyself") },
            ...units.map((unit) => ({ value: unit, label: t("order.forUnit", { unit: labels.unit(unit) }) })),
          ]}
          value={forUnit}
          onChange={setForUnit}
        />
      )}
      <div className="button-row">
        {!reason && (
          <button type="submit" className="hds-button hds-button--primary" aria-disabled={sending.busy || undefined}>
            <span className="hds-button__label">{t("order.send")}</span>
          </button>
        )}
        <button
          type="button"
          className="hds-button hds-button--secondary"
          onClick={() => {
            setChecking(false);
            setMoved(true);
          }}
        >
          <span className="hds-button__label">{t("order.back")}</span>
        </button>
      </div>
    </form>
  );
}
