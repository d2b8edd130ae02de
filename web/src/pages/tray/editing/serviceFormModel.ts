import type { TFunction } from "i18next";
import type { ApiFailure, Schemas } from "../../../api/client";
import type { FieldError } from "../../../forms/ErrorSummary";
import { helsinkiIso, helsinkiParts } from "./helsinkiTime";

export type ServiceDetails = Schemas["ServiceDetails"];
export type TextLanguage = "fi" | "sv" | "en";
export const TEXT_LANGUAGES: TextLanguage[] = ["fi", "sv", "en"];
export const CATEGORIES = ["competence", "community", "mental", "physical", "work_ability"] as const;
export const KINDS = ["existing", "new", "peer"] as const;
export const FORMATS = ["in_person", "online", "hybrid"] as const;

// The API's limits (domain/tray/service.py, ServiceDetails).
export const TITLE_MIN = 3;
export const TITLE_MAX = 120;
export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 4000;
export const SHORT_MAX = 200;
export const MAX_SESSIONS = 50;
export const MAX_CAPACITY = 10_000;
const USER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;

/** Who the form is for: an employee offering a peer service (kind and provider fixed to
 * them), a coordinator creating one, or either of them editing a stored one. */
export type FormMode = "propose" | "create" | "edit";

export interface SessionRow {
  /** Stable React key of the row. */
  key: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
}

export interface ServiceFormValues {
  title: Record<TextLanguage, string>;
  description: Record<TextLanguage, string>;
  category: string;
  kind: string;
  providerType: "person" | "organisation";
  providerUserId: string;
  providerOrganisation: string;
  format: string;
  place: string;
  timing: "" | "sessions" | "onRequest";
  sessions: SessionRow[];
  capacity: string;
  contact: string;
  confidential: boolean;
  /** Kept as stored: the web cannot read the tenant's employee groups or tenant groups, so
   * these are shown, not edited, and an edit sends them back unchanged. */
  audienceGroups: string[] | null;
  sharedWithGroup: string | null;
}

let rowSerial = 0;
export function newSessionRow(start?: { date: string; time: string }, end?: { date: string; time: string }): SessionRow {
  rowSerial += 1;
  return {
    key: `session-${rowSerial}`,
    startDate: start?.date ?? "",
    startTime: start?.time ?? "",
    endDate: end?.date ?? "",
    endTime: end?.time ?? "",
  };
}

const noText = (): Record<TextLanguage, string> => ({ fi: "", sv: "", en: "" });

/** An empty form; a proposal is a peer service provided by the proposer. */
export function emptyValues(mode: FormMode, myUserId: string): ServiceFormValues {
  const propose = mode === "propose";
  return {
    title: noText(),
    description: noText(),
    category: "",
    kind: propose ? "peer" : "",
    providerType: propose ? "person" : "organisation",
    providerUserId: propose ? myUserId : "",
    providerOrganisation: "",
    format: "",
    place: "",
    timing: "",
    sessions: [newSessionRow()],
    capacity: "",
    contact: "",
    confidential: false,
    audienceGroups: null,
    sharedWithGroup: null,
  };
}

/** A stored service's details as the form starts them. */
export function valuesOf(details: ServiceDetails): ServiceFormValues {
  const texts = (given: Record<string, string>) => ({ fi: given.fi ?? "", sv: given.sv ?? "", en: given.en ?? "" });
  const sessions = (details.sessions ?? []).map((session) =>
    newSessionRow(helsinkiParts(session.startsAt), session.endsAt ? helsinkiParts(session.endsAt) : undefined),
  );
  return {
    title: texts(details.title),
    description: texts(details.description),
    category: details.category,
    kind: details.kind,
    providerType: details.provider.organisation ? "organisation" : "person",
    providerUserId: details.provider.userId ?? "",
    providerOrganisation: details.provider.organisation ?? "",
    format: details.format,
    place: details.place ?? "",
    timing: details.onRequest ? "onRequest" : "sessions",
    sessions: sessions.length > 0 ? sessions : [newSessionRow()],
    capacity: details.capacity == null ? "" : String(details.capacity),
    contact: details.contact ?? "",
    confidential: details.confidential ?? false,
    audienceGroups: details.audienceGroups ?? null,
    sharedWithGroup: details.sharedWithGroup ?? null,
  };
}

/** Errors by field key: `title.fi`, `description`, `sessions.0.endsAt`, `provider`, … */
export type ServiceErrors = Record<string, string>;

/** The id of each field's input: the error summary links to it. */
export function fieldId(key: string): string {
  return `service-${key.replace(/\./g, "-")}`;
}

function languageName(language: TextLanguage, t: TFunction): string {
  return t(`trayEditing:form.languageNames.${language}`);
}

function givenLanguages(values: ServiceFormValues): TextLanguage[] {
  return TEXT_LANGUAGES.filter((language) => values.title[language].trim() || values.description[language].trim());
}

/** Helsinki start and end of a row as ISO, when they are complete and real. */
function sessionTimes(row: SessionRow): { startsAt: string | null; endsAt: string | null; endGiven: boolean } {
  const endGiven = Boolean(row.endDate || row.endTime);
  return {
    startsAt: helsinkiIso(row.startDate, row.startTime),
    endsAt: endGiven ? helsinkiIso(row.endDate || row.startDate, row.endTime) : null,
    endGiven,
  };
}

/** What the form checks itself: the same rules as the API (ServiceDetails), so most
 * mistakes show before sending. */
export function validate(values: ServiceFormValues, mode: FormMode, t: TFunction): ServiceErrors {
  const errors: ServiceErrors = {};
  const languages = givenLanguages(values);
  if (languages.length === 0) errors.title = t("trayEditing:errors.titleRequired");
  for (const language of languages) {
    const name = languageName(language, t);
    const title = values.title[language].trim();
    const description = values.description[language].trim();
    if (!title) errors[`title.${language}`] = t("trayEditing:errors.titleMissing", { language: name });
    else if (title.length < TITLE_MIN || title.length > TITLE_MAX)
      errors[`title.${language}`] = t("trayEditing:errors.titleLength", { language: name, min: TITLE_MIN, max: TITLE_MAX });
    if (!description) errors[`description.${language}`] = t("trayEditing:errors.descriptionMissing", { language: name });
    else if (description.length < DESCRIPTION_MIN || description.length > DESCRIPTION_MAX)
      errors[`description.${language}`] = t("trayEditing:errors.descriptionLength", {
        language: name,
        min: DESCRIPTION_MIN,
        max: DESCRIPTION_MAX,
      });
  }
  if (!values.category) errors.category = t("trayEditing:errors.categoryRequired");
  if (mode !== "propose" && !values.kind) errors.kind = t("trayEditing:errors.kindRequired");
  if (mode !== "propose") {
    if (values.providerType === "organisation") {
      const organisation = values.providerOrganisation.trim();
      if (!organisation) errors.provider = t("trayEditing:errors.organisationRequired");
      else if (organisation.length > SHORT_MAX) errors.provider = t("common:errors.tooLong", { max: SHORT_MAX });
    } else if (!USER_ID_PATTERN.test(values.providerUserId.trim())) {
      errors.provider = t("trayEditing:errors.personRequired");
    }
    if (values.kind === "peer" && values.providerType !== "person" && !errors.provider)
      errors.provider = t("trayEditing:errors.peerNeedsPerson");
  }
  if (!values.format) errors.format = t("trayEditing:errors.formatRequired");
  if (values.format && values.format !== "online" && !values.place.trim()) errors.place = t("trayEditing:errors.placeRequired");
  else if (values.place.trim().length > SHORT_MAX) errors.place = t("common:errors.tooLong", { max: SHORT_MAX });
  if (!values.timing) errors.timing = t("trayEditing:errors.timingRequired");
  if (values.timing === "sessions") {
    if (values.sessions.length > MAX_SESSIONS) errors.timing = t("trayEditing:errors.tooManySessions", { max: MAX_SESSIONS });
    values.sessions.forEach((row, index) => {
      const { startsAt, endsAt, endGiven } = sessionTimes(row);
      const number = index + 1;
      if (!startsAt) errors[`sessions.${index}.startsAt`] = t("trayEditing:errors.sessionStart", { number });
      if (endGiven && !endsAt) errors[`sessions.${index}.endsAt`] = t("trayEditing:errors.sessionEndInvalid", { number });
      else if (startsAt && endsAt && Date.parse(endsAt) <= Date.parse(startsAt))
        errors[`sessions.${index}.endsAt`] = t("trayEditing:errors.sessionEndBeforeStart", { number });
    });
    if (values.sessions.length === 0) errors.timing = t("trayEditing:errors.sessionsRequired");
  }
  const capacity = values.capacity.trim();
  if (capacity && (!/^\d+$/.test(capacity) || Number(capacity) < 1 || Number(capacity) > MAX_CAPACITY))
    errors.capacity = t("trayEditing:errors.capacity", { max: MAX_CAPACITY });
  if (values.contact.trim().length > SHORT_MAX) errors.contact = t("common:errors.tooLong", { max: SHORT_MAX });
  if (values.confidential && values.providerType !== "person")
    errors.confidential = t("trayEditing:errors.confidentialNeedsPerson");
  if (mode !== "propose" && values.audienceGroups !== null && values.audienceGroups.length === 0)
    errors.audience = t("trayEditing:errors.audienceRequired");
  return errors;
}

/** The form as the API's ServiceDetails (call only after `validate` found nothing). */
export function toDetails(values: ServiceFormValues): ServiceDetails {
  const languages = givenLanguages(values);
  const texts = (from: Record<TextLanguage, string>) =>
    Object.fromEntries(languages.map((language) => [language, from[language].trim()]));
  const onRequest = values.timing === "onRequest";
  const optional = (text: string) => (text.trim() ? text.trim() : null);
  return {
    title: texts(values.title),
    description: texts(values.description),
    category: values.category as ServiceDetails["category"],
    kind: values.kind as ServiceDetails["kind"],
    provider:
      values.providerType === "person"
        ? { userId: values.providerUserId.trim() }
        : { organisation: values.providerOrganisation.trim() },
    audienceGroups: values.audienceGroups,
    format: values.format as ServiceDetails["format"],
    place: optional(values.place),
    sessions: onRequest
      ? []
      : values.sessions.map((row) => {
          const { startsAt, endsAt } = sessionTimes(row);
          return { startsAt: startsAt as string, endsAt };
        }),
    onRequest,
    capacity: values.capacity.trim() ? Number(values.capacity.trim()) : null,
    contact: optional(values.contact),
    confidential: values.confidential,
    sharedWithGroup: values.sharedWithGroup,
  };
}

/** The field an API error's location names (`["body","title","fi"]`, `["body","details",
 * "sessions",0,"endsAt"]`), or for a rule about the whole service, the field its message is
 * about. Null when no field on the form can fix it. */
export function fieldOfError(loc: (string | number)[], message: string): string | null {
  const path = loc.map(String).filter((part, index) => !(index === 0 && part === "body"));
  if (path[0] === "details") path.shift();
  const [head, second, third] = path;
  if (head === undefined) return fieldOfRule(message);
  if (head === "title" || head === "description")
    return second && (TEXT_LANGUAGES as string[]).includes(second) ? `${head}.${second}` : head;
  if (head === "sessions") {
    if (second !== undefined && /^\d+$/.test(second)) return `sessions.${second}.${third === "endsAt" ? "endsAt" : "startsAt"}`;
    return "timing";
  }
  if (head === "onRequest") return "timing";
  if (head === "audienceGroups") return "audience";
  if (head === "sharedWithGroup") return "sharedWith";
  if (head === "provider") return "provider";
  if (["category", "kind", "format", "place", "capacity", "contact", "confidential"].includes(head)) return head;
  return null;
}

function fieldOfRule(message: string): string | null {
  if (message.includes("same languages")) return "description";
  if (message.includes("sessions or onRequest")) return "timing";
  if (message.includes("place is required")) return "place";
  if (message.includes("confidential")) return "confidential";
  if (message.includes("userId or organisation")) return "provider";
  return null;
}

function refusalMessage(field: string, message: string, t: TFunction): string {
  const [head, second] = field.split(".");
  const language = second && (TEXT_LANGUAGES as string[]).includes(second) ? languageName(second as TextLanguage, t) : "";
  if (head === "title")
    return language ? t("trayEditing:errors.titleLength", { language, min: TITLE_MIN, max: TITLE_MAX }) : t("trayEditing:errors.titleRequired");
  if (head === "description")
    return language
      ? t("trayEditing:errors.descriptionLength", { language, min: DESCRIPTION_MIN, max: DESCRIPTION_MAX })
      : t("trayEditing:errors.sameLanguages");
  if (head === "sessions") {
    const number = Number(second) + 1;
    return field.endsWith("endsAt")
      ? t("trayEditing:errors.sessionEndBeforeStart", { number })
      : t("trayEditing:errors.sessionStart", { number });
  }
  if (head === "provider") {
    if (message.includes("staff directory")) return t("trayEditing:errors.personUnknown");
    if (message.includes("proposer")) return t("trayEditing:errors.peerProvidedByProposer");
    return t("trayEditing:errors.peerNeedsPerson");
  }
  if (head === "confidential") return t("trayEditing:errors.confidentialNeedsPerson");
  if (head === "timing") return t("trayEditing:errors.timingRequired");
  if (head === "place") return t("trayEditing:errors.placeRequired");
  if (head === "capacity") return t("trayEditing:errors.capacity", { max: MAX_CAPACITY });
  if (head === "kind") return t("trayEditing:errors.kindStays");
  if (head === "audience") return t("trayEditing:errors.audienceUnknown");
  if (head === "sharedWith") return t("trayEditing:errors.sharedWithUnknown");
  return t("trayEditing:errors.refused");
}

/** The API's 422 details as field messages in the person's language (the API's own
 * messages are English, for developers); `unplaced` says some refusal fits no field. */
export function apiErrors(failure: ApiFailure, t: TFunction): { errors: ServiceErrors; unplaced: boolean } {
  const errors: ServiceErrors = {};
  let unplaced = false;
  for (const detail of failure.body?.error.details ?? []) {
    const field = fieldOfError(detail.loc, detail.msg);
    if (field === null) unplaced = true;
    else if (!errors[field]) errors[field] = refusalMessage(field, detail.msg, t);
  }
  return { errors, unplaced };
}

/** The fields in the order of the page, for the error summary. */
function fieldOrder(values: ServiceFormValues): string[] {
  return [
    "title",
    ...TEXT_LANGUAGES.flatMap((language) => [`title.${language}`, `description.${language}`]),
    "description",
    "category",
    "kind",
    "provider",
    "format",
    "place",
    "timing",
    ...values.sessions.flatMap((_, index) => [`sessions.${index}.startsAt`, `sessions.${index}.endsAt`]),
    "capacity",
    "contact",
    "confidential",
    "audience",
    "sharedWith",
  ];
}

/** Where each summary link lands: a field, or the first input of its group. */
export function targetOf(key: string): string {
  if (key === "title") return fieldId("title.fi");
  if (key === "description") return fieldId("description.fi");
  if (key === "audience") return fieldId("audienceGroups");
  if (key.startsWith("sessions.") && key.endsWith(".startsAt")) return fieldId(`${key.slice(0, -".startsAt".length)}.startDate`);
  if (key.startsWith("sessions.") && key.endsWith(".endsAt")) return fieldId(`${key.slice(0, -".endsAt".length)}.endDate`);
  return fieldId(key);
}

export function summaryOf(errors: ServiceErrors, values: ServiceFormValues): FieldError[] {
  const order = fieldOrder(values);
  const known = order.filter((key) => errors[key]);
  const rest = Object.keys(errors).filter((key) => !order.includes(key));
  return [...known, ...rest].map((key) => ({ fieldId: targetOf(key), message: errors[key] as string }));
}
