import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApiFailure } from "../../api/client";
import { ApiProblem } from "../../layout/ApiProblem";
import type { Handlers, ReportType, ReportTypes } from "./reportChannel";
import { UNIT_HANDLER, type ReportDraft, type Step } from "./reportDraft";
import { StepForm } from "./StepForm";

/** A summary row with a "Change" link back to the step that asks it (GOV.UK's check
 * answers); the link says what it changes for screen reader users. */
function Row({ label, value, change, base }: { label: string; value: ReactNode; change: Step; base: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
      <dd className="summary-list__action">
        <Link to={`${base}/${change}`} state={{ fromCheck: true }}>
          {t("form.change")}
          <span className="visually-hidden"> {label}</span>
        </Link>
      </dd>
    </div>
  );
}

export function CheckStep(props: {
  draft: ReportDraft;
  types: ReportTypes;
  type: ReportType;
  handlers: Handlers;
  base: string;
  back: string;
  anonymous: boolean;
  sending: boolean;
  problem: ApiFailure | null;
  send: () => void;
}) {
  const { draft, types, type, handlers, base } = props;
  const { t } = useTranslation("report");
  const notAnswered = <span className="report-not-answered">{t("check.notAnswered")}</span>;
  const answerText = (key: string) => {
    const value = (draft.answers[key] ?? "").trim();
    const field = type.fields.find((f) => f.key === key);
    if (!value) return notAnswered;
    return field?.kind === "choice" ? (field.options.find((o) => o.value === value)?.label ?? value) : value;
  };
  const handler =
    draft.handlerId === UNIT_HANDLER
      ? t("handler.unit")
      : (handlers.handlers.find((person) => person.userId === draft.handlerId)?.name ?? notAnswered);
  const recused = handlers.recusable.filter((person) => draft.recusedIds.includes(person.userId) && person.userId !== draft.handlerId);
  const unit = types.units.find((u) => u.id === draft.unitId)?.name;
  return (
    <>
      {props.problem && <ApiProblem failure={props.problem} />}
      <h2>{t("check.reportHeading")}</h2>
      <dl className="summary-list report-summary">
        <Row base={base} change="type" label={t("type.label")} value={type.label} />
        {type.fields.map((field) => (
          <Row base={base} change="details" key={field.key} label={field.label} value={answerText(field.key)} />
        ))}
      </dl>
      <h2>{t("check.whoHeading")}</h2>
      <dl className="summary-list report-summary">
        {type.unitRequired && <Row base={base} change="unit" label={t("unit.label")} value={unit ?? notAnswered} />}
        <Row base={base} change="handler" label={t("handler.label")} value={handler} />
        <Row
          base={base}
          change="recusal"
          label={t("recusal.label")}
          value={recused.length ? recused.map((person) => person.name).join(", ") : t("check.nobody")}
        />
      </dl>
      <p>{t(props.anonymous ? "check.sendNoteAnonymous" : "check.sendNoteSignedIn")}</p>
      <StepForm back={props.back} onSubmit={props.send} busy={props.sending} submitLabel={t("check.send")}>
        {/* Always in the page, so the change to "Sending…" is announced. */}
        <p role="status" className="report-sending">
          {props.sending ? t("check.sending") : ""}
        </p>
      </StepForm>
    </>
  );
}
