/** Dates as people in Finland read them: the Helsinki clock (whatever the device's zone),
 * in the language shown. The same in every area of the app. */
const LOCALES: Record<string, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };
const ZONE = "Europe/Helsinki";

function localeOf(language: string): string {
  return LOCALES[language] ?? LOCALES[language.split("-")[0] ?? ""] ?? "fi-FI";
}

/** A moment (ISO 8601 date-time) as its date and time of day. */
export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium", timeStyle: "short", timeZone: ZONE }).format(
    new Date(iso),
  );
}

/** A moment (ISO 8601 date-time) as the day it was in Finland. */
export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium", timeZone: ZONE }).format(new Date(iso));
}

/** A calendar day (yyyy-mm-dd, no time of day), never moved across midnight. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
