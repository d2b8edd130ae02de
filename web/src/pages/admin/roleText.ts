import type { TFunction } from "i18next";

/** A role as a label starts it: the common role names are lower case, for use in sentences. */
export function roleLabel(role: string, t: TFunction): string {
  const name = t(`common:roles.${role}`);
  return name.charAt(0).toLocaleUpperCase() + name.slice(1);
}

export function roleList(roles: readonly string[], t: TFunction): string {
  return roles.map((role) => t(`common:roles.${role}`)).join(", ");
}

/** Date and time in the language shown, in Finnish time (the municipality's own). */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Helsinki" }).format(
    new Date(iso),
  );
}

export function formatDate(isoDate: string, language: string): string {
  // A bare date (YYYY-MM-DD) is a calendar day: format it without moving it across midnight.
  return new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));
}
