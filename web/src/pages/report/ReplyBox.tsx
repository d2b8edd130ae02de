import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure, newIdempotencyKey } from "../../api/client";
import { ErrorSummary, type FieldError } from "../../forms/ErrorSummary";
import { TextArea } from "../../forms/fields";
import { ApiProblem } from "../../layout/ApiProblem";
import { useDraft } from "../../session/drafts";
import { useFieldErrors } from "../../forms/useFieldErrors";

export const MESSAGE_MAX = 5000;
const FIELD_ID = "reply-body";

/** The reply's text: with a `draftKey` it is kept with the drafts (in this tab's memory), so
 * it outlives a session timeout; without one (the anonymous follow-up) it lives and dies
 * with the page. */
function useReplyText(draftKey: string | undefined): [string, (next: string) => void, () => void] {
  const [local, setLocal] = useState("");
  const [kept, setKept, discardKept] = useDraft(draftKey ?? "reply:unkept", "");
  if (draftKey === undefined) return [local, setLocal, () => setLocal("")];
  return [kept, setKept, discardKept];
}

interface Props {
  send: (body: string, key: string) => Promise<unknown>;
  onSent: () => void;
  /** Where the unsent text is kept (e.g. `reply:<reportId>`); none: not beyond the page. */
  draftKey?: string;
}

/** A message to the handler. A retry of the same text reuses its key (never sent twice);
 * the text stays until the API has it. */
export function ReplyBox({ send, onSent, draftKey }: Props) {
  const { t } = useTranslation("report");
  const [body, setBody, discardBody] = useReplyText(draftKey);
  const { errors, attempt, check } = useFieldErrors();
  const [problem, setProblem] = useState<ApiFailure | null>(null);
  const [said, setSaid] = useState("");
  const [busy, setBusy] = useState(false);
  const last = useRef<{ body: string; key: string } | null>(null);

  const fail = (found: FieldError[]) => {
    check(found);
  };
  const submit = async () => {
    if (busy) return;
    const text = body.trim();
    setSaid("");
    setProblem(null);
    if (!text) return fail([{ fieldId: FIELD_ID, message: t("errors.messageRequired") }]);
    if (text.length > MESSAGE_MAX) return fail([{ fieldId: FIELD_ID, message: t("errors.messageTooLong", { max: MESSAGE_MAX }) }]);
    check([]);
    const key = last.current?.body === text ? last.current.key : newIdempotencyKey();
    last.current = { body: text, key };
    setBusy(true);
    try {
      await send(text, key);
      last.current = null;
      discardBody();
      setSaid(t("messages.sent"));
      onSent();
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(0, null);
      if (failure.status === 422 && failure.fieldErrors().body) fail([{ fieldId: FIELD_ID, message: t("errors.messageRefused") }]);
      else setProblem(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="reply-title" className="reply-box">
      <h2 id="reply-title">{t("messages.replyTitle")}</h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      {problem && <ApiProblem failure={problem} />}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextArea
          id={FIELD_ID}
          label={t("messages.replyLabel")}
          hint={t("messages.replyHint", { max: MESSAGE_MAX })}
          required
          value={body}
          onChange={setBody}
          maxLength={MESSAGE_MAX}
          error={errors[0]?.message}
          confidential
        />
        <div className="button-row">
          <button type="submit" className="hds-button hds-button--primary" aria-disabled={busy || undefined}>
            <span className="hds-button__label">{t("messages.send")}</span>
          </button>
        </div>
        <p role="status" className="reply-status">
          {busy ? t("check.sending") : said}
        </p>
      </form>
    </section>
  );
}
