import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiFailure, newIdempotencyKey } from "../../api/client";
import { useApiData } from "../../api/useApiData";
import { ErrorSummary, type FieldError } from "../../forms/ErrorSummary";
import { ApiProblem, Loading } from "../../layout/ApiProblem";
import { usePageTitle } from "../../layout/usePageTitle";
import { readDraft, useDraft } from "../../session/drafts";
import { CheckStep } from "./CheckStep";
import type { Handlers, ReportChannel, ReportType, ReportTypes } from "./reportChannel";
import {
  EMPTY_DRAFT,
  fieldIdOfApiField,
  stepOfApiField,
  stepsFor,
  submitBody,
  validateDetails,
  validateHandler,
  validateRecusal,
  validateType,
  validateUnit,
  type ReportDraft,
  type Step,
  type Translate,
} from "./reportDraft";
import { DetailsStep, HandlerStep, RecusalStep, TypeStep, UnitStep, type StepProps } from "./ReportSteps";
import { rememberSent } from "./sentReport";
import { StepCaption } from "./StepForm";
import "./report.css";

interface Shown {
  step: Step;
  errors: FieldError[];
  attempt: number;
}

/** Each step's errors, in the order the form asks them (for "send": the first step to fix). */
function stepErrors(draft: ReportDraft, type: ReportType | undefined, handlers: Handlers | null, t: Translate) {
  const errors: [Step, FieldError[]][] = [["type", validateType(draft, t)]];
  if (!type) return errors;
  errors.push(["details", validateDetails(draft, type, t)], ["unit", validateUnit(draft, type, t)]);
  if (handlers) errors.push(["handler", validateHandler(draft, type, handlers, t)]);
  errors.push(["recusal", validateRecusal(draft, t)]);
  return errors;
}

/** The API's field errors in the person's language, beside the fields they concern. */
function apiFieldErrors(failure: ApiFailure, type: ReportType, t: Translate): [Step, FieldError[]] | null {
  const keys = Object.keys(failure.fieldErrors());
  if (failure.status !== 422 || keys.length === 0) return null;
  const errors = keys.map((key) => {
    const field = type.fields.find((f) => key === `answers.${f.key}`);
    const message = field ? t("errors.notAccepted", { label: field.label }) : t(`errors.notAcceptedStep.${stepOfApiField(key)}`);
    return { fieldId: fieldIdOfApiField(key), message };
  });
  return [stepOfApiField(keys[0]!), errors.filter((e, i) => errors.findIndex((o) => o.fieldId === e.fieldId) === i)];
}

/** The report form, anonymous or signed in (the channel decides), one step per page:
 * the step is in the path, the answers only in memory. */
export function ReportForm({ channel, step, defaultUnit = "" }: { channel: ReportChannel; step: Step; defaultUnit?: string }) {
  const { t, i18n } = useTranslation("report");
  const navigate = useNavigate();
  const location = useLocation();
  const [draft, setDraft] = useDraft<ReportDraft>(channel.draftKey, { ...EMPTY_DRAFT, unitId: defaultUnit });
  const update = useCallback(
    (changes: Partial<ReportDraft>) =>
      setDraft({ ...(readDraft<ReportDraft>(channel.draftKey) ?? { ...EMPTY_DRAFT, unitId: defaultUnit }), ...changes }),
    [channel.draftKey, defaultUnit, setDraft],
  );
  // Labels come in the chosen language; a new language reloads them and keeps the answers.
  const [types] = useApiData(() => channel.loadTypes(i18n.language), [channel, i18n.language]);
  const typeList: ReportTypes | null = types.state === "ready" ? types.data : null;
  const type = typeList?.items.find((item) => item.key === draft.typeKey);
  const unitForHandlers = type?.unitRequired ? draft.unitId : "";
  const [handlers] = useApiData(
    () => (type && (!type.unitRequired || unitForHandlers) ? channel.loadHandlers(type.key, unitForHandlers || null) : Promise.resolve(null)),
    [channel, type?.key, unitForHandlers],
  );
  // A unit or type just changed: the last answer is for the old one until the new one comes.
  const handlerList =
    handlers.state === "ready" && handlers.data && handlers.data.type === type?.key && (!type.unitRequired || handlers.data.unitId === draft.unitId)
      ? handlers.data
      : null;
  const [shown, setShown] = useState<Shown | null>(null);
  const movedWithErrors = useRef(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<ApiFailure | null>(null);
  const sendingNow = useRef(false);

  const steps = stepsFor(type);
  const index = Math.max(steps.indexOf(step), 0);
  const back = index === 0 ? null : `${channel.base}/${steps[index - 1]}`;
  const title = t(`steps.${step}`);
  usePageTitle(title);

  const show = (at: Step, errors: FieldError[]) => {
    setShown((before) => ({ step: at, errors, attempt: (before?.attempt ?? 0) + 1 }));
    if (at !== step) {
      movedWithErrors.current = true;
      void navigate(`${channel.base}/${at}`);
    }
  };
  // The frame focuses the new page's h1 after a move; errors found on sending take focus
  // back to their summary once that has happened.
  useEffect(() => {
    if (movedWithErrors.current && shown?.step === step) {
      movedWithErrors.current = false;
      setShown((before) => before && { ...before, attempt: before.attempt + 1 });
    }
  }, [step, shown?.step]);
  const done = (errors: FieldError[]) => {
    if (errors.length > 0) return show(step, errors);
    setShown(null);
    const fromCheck = (location.state as { fromCheck?: boolean } | null)?.fromCheck;
    // Back to the summary after a change, unless the change means answering anew.
    const next = fromCheck && step !== "type" && step !== "unit" ? "check" : stepsFor(type)[index + 1];
    void navigate(`${channel.base}/${next}`);
  };

  const send = async () => {
    if (sendingNow.current || !type || !handlerList) return;
    const invalid = stepErrors(draft, type, handlerList, t).find(([, errors]) => errors.length > 0);
    if (invalid) return show(invalid[0], invalid[1]);
    const body = submitBody(draft, type);
    const json = JSON.stringify(body);
    // The same body after a failure (network, 5xx, a double click) reuses its key: the API
    // answers a repeat with the first answer and never files twice.
    const key = draft.attempt?.body === json ? draft.attempt.key : newIdempotencyKey();
    update({ attempt: { body: json, key } });
    sendingNow.current = true;
    setSending(true);
    setProblem(null);
    try {
      const sent = await channel.submit(body, key);
      rememberSent(channel.draftKey, sent);
      // The page that shows the result clears the draft (clearing it here would first send
      // this step back to the start).
      void navigate(`${channel.base}/${sent.kind === "anonymous" ? "receipt" : "sent"}`, { replace: true });
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(0, null);
      const mapped = apiFieldErrors(failure, type, t);
      if (mapped) show(mapped[0], mapped[1]);
      else setProblem(failure);
    } finally {
      sendingNow.current = false;
      setSending(false);
    }
  };

  const errors = shown?.step === step ? shown.errors : [];
  const errorOf = (id: string) => errors.find((error) => error.fieldId === id)?.message;

  let content;
  if (types.state === "failed") content = <ApiProblem failure={types.failure} />;
  else if (!typeList) content = <Loading />;
  else if (step !== "type" && !type) return <Navigate to={channel.base} replace />;
  else if (step === "unit" && !type?.unitRequired) return <Navigate to={`${channel.base}/handler`} replace />;
  else {
    const props: StepProps = { draft, update, types: typeList, type, errorOf, done, back };
    if (step === "type") content = <TypeStep {...props} />;
    else if (step === "details") content = <DetailsStep {...props} />;
    else if (step === "unit") content = <UnitStep {...props} />;
    else if (handlers.state === "failed") content = <ApiProblem failure={handlers.failure} />;
    else if (!handlerList) content = <Loading />;
    else if (step === "handler") content = <HandlerStep {...props} handlers={handlerList} />;
    else if (step === "recusal") content = <RecusalStep {...props} handlers={handlerList} />;
    else
      content = (
        <CheckStep
          draft={draft}
          types={typeList}
          type={type!}
          handlers={handlerList}
          base={channel.base}
          back={back ?? channel.base}
          anonymous={channel.anonymous}
          sending={sending}
          problem={problem}
          send={() => void send()}
        />
      );
  }
  return (
    <div className="report-form">
      <ErrorSummary errors={errors} attempt={shown?.attempt ?? 0} />
      <StepCaption number={index + 1} count={steps.length} />
      <h1>{title}</h1>
      {content}
    </div>
  );
}
