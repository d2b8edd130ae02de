import type { TFunction } from "i18next";
import type { ApiFailure } from "../../api/client";
import type { FieldError } from "../../forms/ErrorSummary";
import type { PrivilegedRole, StaffMember, StaffRequest } from "./staffApi";

export interface StaffFormValues {
  userId: string;
  name: string;
  email: string;
  language: "fi" | "sv" | "en";
  roles: PrivilegedRole[];
  supervisedUnits: string[];
}

export type StaffField = keyof StaffFormValues;

/** The id of each field's input: the error summary links to it. */
export const FIELD_IDS: Record<StaffField, string> = {
  userId: "staff-userId",
  name: "staff-name",
  email: "staff-email",
  language: "staff-language",
  roles: "staff-roles",
  supervisedUnits: "staff-supervisedUnits",
};

const FIELD_ORDER: StaffField[] = ["userId", "name", "email", "language", "roles", "supervisedUnits"];

// The same patterns as the API's (docs/openapi.json), so most mistakes show before sending.
const USER_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,126}[a-z0-9])?$/;
const EMAIL_PATTERN = /^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{2,63}$/;
// Paths under /staff/ that are screens, not people.
const RESERVED_USER_IDS = ["new", "grants", "refused-reads"];

export const NAME_MAX = 200;
export const EMAIL_MAX = 254;

export function emptyValues(): StaffFormValues {
  return { userId: "", name: "", email: "", language: "fi", roles: [], supervisedUnits: [] };
}

/** An existing entry as the form starts it: pending roles stay ticked, so saving without
 * touching them keeps them waiting (a PUT without a pending role withdraws it). */
export function valuesOf(member: StaffMember): StaffFormValues {
  const pending = (member.pendingGrants ?? []).map((grant) => grant.role as PrivilegedRole);
  return {
    userId: member.userId,
    name: member.name,
    email: member.email,
    language: member.language ?? "fi",
    roles: [...new Set([...(member.roles ?? []), ...pending])],
    supervisedUnits: member.supervisedUnits ?? [],
  };
}

export type StaffErrors = Partial<Record<StaffField, string>>;

/** What the form checks itself. The separation-of-duties rules are the API's to enforce:
 * its refusal is shown at the roles field (apiErrors). */
export function validate(values: StaffFormValues, isNew: boolean, t: TFunction): StaffErrors {
  const errors: StaffErrors = {};
  const userId = values.userId.trim();
  if (isNew) {
    if (!userId) errors.userId = t("admin:form.errors.userIdRequired");
    else if (!USER_ID_PATTERN.test(userId) || RESERVED_USER_IDS.includes(userId))
      errors.userId = t("admin:form.errors.userIdInvalid");
  }
  if (!values.name.trim()) errors.name = t("admin:form.errors.nameRequired");
  else if (values.name.trim().length > NAME_MAX) errors.name = t("common:errors.tooLong", { max: NAME_MAX });
  const email = values.email.trim();
  if (!email) errors.email = t("admin:form.errors.emailRequired");
  else if (email.length > EMAIL_MAX || !EMAIL_PATTERN.test(email)) errors.email = t("admin:form.errors.emailInvalid");
  if (values.roles.length === 0) errors.roles = t("admin:form.errors.rolesRequired");
  return errors;
}

export function toRequest(values: StaffFormValues, expectedVersion: number | null): StaffRequest {
  return {
    name: values.name.trim(),
    email: values.email.trim(),
    language: values.language,
    roles: values.roles,
    supervisedUnits: values.supervisedUnits,
    ...(expectedVersion === null ? {} : { expectedVersion }),
  };
}

/** The API's 422 details as field messages in the person's language (the API's own
 * messages are English, for developers). */
export function apiErrors(failure: ApiFailure, t: TFunction): StaffErrors {
  const errors: StaffErrors = {};
  for (const [location, message] of Object.entries(failure.fieldErrors())) {
    const field = fieldOf(location);
    if (field && !errors[field]) errors[field] = refusalMessage(field, message, t);
  }
  return errors;
}

function fieldOf(location: string): StaffField | null {
  const head = location.split(".")[0] ?? "";
  if (location === "path.userId") return "userId";
  return (FIELD_ORDER as string[]).includes(head) ? (head as StaffField) : null;
}

function refusalMessage(field: StaffField, message: string, t: TFunction): string {
  if (field === "roles" && message.includes("tenant_admin")) return t("admin:form.errors.separation");
  if (field === "roles" && message.includes("own roles")) return t("admin:form.errors.ownRoles");
  if (field === "supervisedUnits" && message.includes("own supervised")) return t("admin:form.errors.ownUnits");
  if (field === "supervisedUnits") return t("admin:form.errors.unknownUnit");
  if (field === "email") return t("admin:form.errors.emailInvalid");
  if (field === "userId") return t("admin:form.errors.userIdInvalid");
  if (field === "name") return t("admin:form.errors.nameRequired");
  return t("admin:form.errors.refused");
}

/** Errors in the order of the fields on the page, for the error summary. */
export function summaryOf(errors: StaffErrors): FieldError[] {
  return FIELD_ORDER.filter((field) => errors[field]).map((field) => ({
    fieldId: FIELD_IDS[field],
    message: errors[field] as string,
  }));
}
