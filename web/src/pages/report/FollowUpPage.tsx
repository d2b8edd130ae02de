import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api, ApiFailure, unwrap, type Schemas } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import { ErrorSummary } from "../../forms/ErrorSummary";
import { TextField } from "../../forms/fields";
import { ApiProblem } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { CurrentStatus, ReportMessages, StatusHistory } from "./CaseProgress";
import { ReplyBox } from "./ReplyBox";
import { anonymousChannel } from "./reportChannel";
import { statusLabel } from "./reportDisplay";
import "./report.css";
import { useFieldErrors } from "../../forms/useFieldErrors";

type FollowUp = Schemas["FollowUpResponse"];
const RECEIPT_FIELD = "follow-up-receipt";
const RECEIPT_PATTERN = /^[0-9A-Za-z -]{20,40}$/;

function lookUp(tenant: string, receipt: string): Promise<FollowUp> {
  return unwrap(api.POST("/public/{tenant}/follow-up", { params: { path: { tenant } }, body: { receipt } }));
}

/** Anonymous follow-up: the receipt is kept in this page's memory only, and "Close"
 * forgets it (and the case with it) at once. */
export function FollowUpPage() {
  const { tenant = "" } = useParams();
  const { t, i18n } = useTranslation("report");
  usePageTitle(t("followUp.title"));
  const [typed, setTyped] = useState("");
  const [held, setHeld] = useState<{ receipt: string; followUp: FollowUp } | null>(null);
  const { errors, attempt, check } = useFieldErrors();
  const [problem, setProblem] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [closedNote, setClosedNote] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  // Bumped by Close: an answer that comes back after it is for a case no longer shown.
  const generation = useRef(0);
  const opened = !!held;
  const firstRender = useRef(true);
  // Opening and closing swap the page's content: start again at its heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [opened]);
  // Status names come from the tenant's workflows, in the chosen language.
  const [types] = useApiData(() => anonymousChannel(tenant).loadTypes(i18n.language), [tenant, i18n.language]);
  const label = (status: string) => statusLabel(status, types.state === "ready" ? types.data : null, null, t);

  const fail = (message: string) => {
    check([{ fieldId: RECEIPT_FIELD, message }]);
  };
  const open = async () => {
    if (busy) return;
    const receipt = typed.trim().toUpperCase();
    setProblem(null);
    setClosedNote("");
    if (!receipt) return fail(t("errors.receiptRequired"));
    if (!RECEIPT_PATTERN.test(receipt)) return fail(t("errors.receiptFormat"));
    setBusy(true);
    try {
      const followUp = await lookUp(tenant, receipt);
      check([]);
      // The code leaves the input (and the DOM) once it has done its work.
      setTyped("");
      setHeld({ receipt, followUp });
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(0, null);
      if (failure.status === 404 || failure.status === 422) fail(t("errors.receiptUnknown"));
      else setProblem(failure);
    } finally {
      setBusy(false);
    }
  };
  const refresh = async () => {
    if (!held) return;
    const asked = generation.current;
    try {
      const followUp = await lookUp(tenant, held.receipt);
      if (asked === generation.current) setHeld({ receipt: held.receipt, followUp });
    } catch (error) {
      if (asked === generation.current) setProblem(error instanceof ApiFailure ? error : new ApiFailure(0, null));
    }
  };
  const close = () => {
    generation.current += 1;
    setHeld(null);
    setProblem(null);
    setClosedNote(t("followUp.closed"));
  };

  if (held) {
    const { followUp, receipt } = held;
    return (
      <div className="follow-up">
        <h1 ref={heading} tabIndex={-1}>
          {t("followUp.title")}
        </h1>
        {problem && <ApiProblem failure={problem} />}
        <CurrentStatus
          status={followUp.status}
          resolution={followUp.resolution}
          reference={followUp.reference}
          receivedAt={followUp.receivedAt}
          label={label}
        />
        <StatusHistory history={followUp.statusHistory} label={label} />
        <ReportMessages messages={followUp.messages} />
        <ReplyBox
          send={(body, key) =>
            unwrap(
              api.POST("/public/{tenant}/follow-up/messages", {
                params: { path: { tenant }, header: { "Idempotency-Key": key } },
                body: { receipt, body },
              }),
            )
          }
          onSent={() => void refresh()}
        />
        <h2>{t("followUp.closeTitle")}</h2>
        <p>{t("followUp.closeText")}</p>
        <div className="button-row">
          <button type="button" className="hds-button hds-button--secondary" onClick={close}>
            <span className="hds-button__label">{t("followUp.close")}</span>
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="follow-up">
      <ErrorSummary errors={errors} attempt={attempt} />
      <h1 ref={heading} tabIndex={-1}>
        {t("followUp.title")}
      </h1>
      <p role="status">{closedNote}</p>
      <p className="lead">{t("followUp.intro")}</p>
      {problem && <ApiProblem failure={problem} />}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void open();
        }}
      >
        <TextField
          id={RECEIPT_FIELD}
          label={t("followUp.receiptLabel")}
          hint={t("followUp.receiptHint")}
          required
          value={typed}
          onChange={setTyped}
          maxLength={40}
          error={errors[0]?.message}
          confidential
        />
        <div className="button-row">
          <button type="submit" className="hds-button hds-button--primary" aria-disabled={busy || undefined}>
            <span className="hds-button__label">{t("followUp.open")}</span>
          </button>
        </div>
      </form>
      <p>
        <Link to={`/${tenant}/report`}>{t("followUp.newReport")}</Link>
      </p>
    </div>
  );
}
