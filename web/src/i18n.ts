import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { resources, LANGUAGES, type Language } from "./locales";

export { LANGUAGES, type Language };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language on <html lang> follows the one shown, for screen readers and hyphenation. */
function reflectOnDocument(language: string): void {
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: "fi",
  fallbackLng: "fi",
  supportedLngs: [...LANGUAGES],
  defaultNS: "common",
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});
i18n.on("languageChanged", reflectOnDocument);
reflectOnDocument(i18n.language);

export default i18n;
