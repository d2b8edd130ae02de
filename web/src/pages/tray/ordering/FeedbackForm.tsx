import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, unwrap } from "../../../api/client";
import { ErrorSummary, type FieldError } from "../../../forms/ErrorSummary";
import { RadioGroup, TextArea } from "../../../forms/fields";
import { useFieldErrors } from "../../../forms/useFieldErrors";
import { FormProblem } from "../../cases/FormProblem";
import { useSubmission } from "../../cases/useSubmission";
import type { OrderView } from "../serviceText";

const COMMENT_MAX = 2000;
const RATINGS = ["1", "2", "3", "4", "5"];

/** The orderer's feedback on a completed order, once: the feedback given, or the form. */
export function Feedback({ order, onDone, onConflict }: { order: OrderView; onDone(message: string): void; onConflict(): void }) {
  const { t } = useTranslation("tray");
  if (!order.parts.includes("orderer") || order.status !== "completed") return null;
  const idPrefix = `feedback-${order.orderId}`;
  return (
    <section className="tray-feedback" aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>{t(order.feedback ? "feedback.given" : "feedback.title")}</h3>
      {order.feedback ? (
        <dl className="summary-list">
          <div>
            <dt>{t("feedback.rating")}</dt>
            <dd>{t(`feedback.ratings.${order.feedback.rating}`)}</dd>
          </div>
          {order.feedback.comment && (
            <div>
              <dt>{t("feedback.comment")}</dt>
              <dd className="tray-text">{order.feedback.comment}</dd>
            </div>
          )}
        </dl>
      ) : (
        <FeedbackForm order={order} idPrefix={idPrefix} onDone={onDone} onConflict={onConflict} />
      )}
    </section>
  );
}

function FeedbackForm({
  order,
  idPrefix,
  onDone,
  onConflict,
}: {
  order: OrderView;
  idPrefix: string;
  onDone(message: string): void;
  onConflict(): void;
}) {
  const { t } = useTranslation("tray");
  const [rating, setRating] = useState("");
  const [comment, setComment] = useState("");
  const { errors, attempt, check } = useFieldErrors();
  const sending = useSubmission(onConflict);
  const ratingId = `${idPrefix}-rating`;
  const commentId = `${idPrefix}-comment`;

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.busy) return;
    const found: FieldError[] = [];
    if (!rating) found.push({ fieldId: ratingId, message: t("feedback.ratingRequired") });
    if (comment.length > COMMENT_MAX) found.push({ fieldId: commentId, message: t("common:errors.tooLong", { max: COMMENT_MAX }) });
    if (!check(found)) return;
    const body = { rating: Number(rating), expectedVersion: order.version, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    const ok = await sending.submit(body, () =>
      unwrap(api.POST("/orders/{orderId}/feedback", { params: { path: { orderId: order.orderId } }, body })),
    );
    if (ok) onDone(t("feedback.thanks"));
  };
  const errorOf = (fieldId: string) => errors.find((error) => error.fieldId === fieldId)?.message;
  return (
    <form onSubmit={send} noValidate>
      <p>{t("feedback.intro")}</p>
      <ErrorSummary errors={errors} attempt={attempt} id={`${idPrefix}-errors`} />
      <FormProblem failure={sending.failure} />
      <RadioGroup
        id={ratingId}
        label={t("feedback.rating")}
        required
        options={RATINGS.map((value) => ({ value, label: t(`feedback.ratings.${value}`) }))}
        value={rating}
        onChange={setRating}
        error={errorOf(ratingId)}
      />
      <TextArea
        id={commentId}
        label={t("feedback.comment")}
        rows={3}
        value={comment}
        onChange={setComment}
        error={errorOf(commentId)}
        // What someone says of a service (a psychologist's, perhaps) stays out of the browser.
        confidential
      />
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--primary" aria-disabled={sending.busy || undefined}>
          <span className="hds-button__label">{t("feedback.send")}</span>
        </button>
      </div>
    </form>
  );
}
