/** Dates as people in Finland read them: the Helsinki clock, in the language shown. */
const LOCALES: Record<string, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

function localeOf(language: string): string {
  return LOCALES[language] ?? "fi-FI";
}

export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium", timeZone: "Europe/Helsinki" }).format(
    new Date(iso),
  );
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Helsinki",
  }).format(new Date(iso));
}

/** A plain date (yyyy-mm-dd, no time of day) such as a follow-up day. */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
