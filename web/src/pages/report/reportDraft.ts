import type { FieldError } from "../../forms/ErrorSummary";
import type { Handlers, ReportType, SubmitBody } from "./reportChannel";

/** An unsent report, in memory only (useDraft). */
export interface ReportDraft {
  typeKey: string;
  answers: Record<string, string>;
  unitId: string;
  /** A handler's user id, UNIT_HANDLER for "the unit's supervisors", "" while not chosen. */
  handlerId: string;
  recusedIds: string[];
  /** The body last sent and its key: a retry of the same body reuses the key, so a network
   * error or a double click never files twice; a changed body gets a new key. */
  attempt?: { body: string; key: string };
}

export const EMPTY_DRAFT: ReportDraft = { typeKey: "", answers: {}, unitId: "", handlerId: "", recusedIds: [] };

/** Not a user id (ids never start with "@"): the report goes to the unit's supervisors. */
export const UNIT_HANDLER = "@unit";

export const MAX_RECUSALS = 10;

export type Step = "type" | "details" | "unit" | "handler" | "recusal" | "check";

/** The steps a type takes, in order; the unit step only where the type needs one. */
export function stepsFor(type: ReportType | undefined): Step[] {
  return ["type", "details", ...(type?.unitRequired ? (["unit"] as const) : []), "handler", "recusal", "check"];
}

export function isStep(value: string | undefined): value is Step {
  return ["type", "details", "unit", "handler", "recusal", "check"].includes(value ?? "");
}

/** Translates keys of the "report" namespace (a plain function, so this module stays testable). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const fieldId = {
  type: "report-type",
  answer: (key: string) => `answer-${key}`,
  unit: "report-unit",
  handler: "report-handler",
  recusal: "report-recusal",
};

export function validateType(draft: ReportDraft, t: Translate): FieldError[] {
  return draft.typeKey ? [] : [{ fieldId: fieldId.type, message: t("errors.chooseType") }];
}

export function validateDetails(draft: ReportDraft, type: ReportType, t: Translate): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of type.fields) {
    const value = (draft.answers[field.key] ?? "").trim();
    const id = fieldId.answer(field.key);
    if (field.required && !value) {
      errors.push({ fieldId: id, message: t(field.kind === "choice" ? "errors.chooseAnswer" : "errors.fillAnswer", { label: field.label }) });
    } else if (value.length > field.maxLength) {
      errors.push({ fieldId: id, message: t("errors.tooLong", { label: field.label, max: field.maxLength }) });
    } else if (value && field.kind === "choice" && !field.options.some((option) => option.value === value)) {
      errors.push({ fieldId: id, message: t("errors.chooseAnswer", { label: field.label }) });
    }
  }
  return errors;
}

export function validateUnit(draft: ReportDraft, type: ReportType, t: Translate): FieldError[] {
  return type.unitRequired && !draft.unitId ? [{ fieldId: fieldId.unit, message: t("errors.chooseUnit") }] : [];
}

export function validateHandler(draft: ReportDraft, type: ReportType, handlers: Handlers, t: Translate): FieldError[] {
  const chosen = draft.handlerId;
  const known =
    chosen === UNIT_HANDLER ? !type.handlerRequired : handlers.handlers.some((person) => person.userId === chosen);
  return known ? [] : [{ fieldId: fieldId.handler, message: t("errors.chooseHandler") }];
}

export function validateRecusal(draft: ReportDraft, t: Translate): FieldError[] {
  return draft.recusedIds.length > MAX_RECUSALS
    ? [{ fieldId: fieldId.recusal, message: t("errors.tooManyRecusals", { max: MAX_RECUSALS }) }]
    : [];
}

/** The request body: trimmed answers, empty ones left out, "the unit's" as no handler. */
export function submitBody(draft: ReportDraft, type: ReportType): SubmitBody {
  const answers: Record<string, string> = {};
  for (const field of type.fields) {
    const value = (draft.answers[field.key] ?? "").trim();
    if (value) answers[field.key] = value;
  }
  return {
    type: type.key,
    answers,
    unitId: type.unitRequired && draft.unitId ? draft.unitId : null,
    handlerId: draft.handlerId && draft.handlerId !== UNIT_HANDLER ? draft.handlerId : null,
    recusedIds: draft.recusedIds.filter((id) => id !== draft.handlerId),
  };
}

/** The step where a field the API refused is asked, from its `loc` key (answers.when → details). */
export function stepOfApiField(key: string): Step {
  if (key === "type") return "type";
  if (key.startsWith("answers")) return "details";
  if (key === "unitId") return "unit";
  if (key === "handlerId") return "handler";
  if (key.startsWith("recusedIds")) return "recusal";
  return "check";
}

/** The input an API field error belongs beside. */
export function fieldIdOfApiField(key: string): string {
  const [head, rest] = [key.split(".")[0], key.split(".").slice(1)];
  if (head === "answers" && rest[0]) return fieldId.answer(rest[0]);
  if (head === "unitId") return fieldId.unit;
  if (head === "handlerId") return fieldId.handler;
  if (head === "recusedIds") return fieldId.recusal;
  return fieldId.type;
}
