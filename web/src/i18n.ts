import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { firstVisitResources } from "./locales/firstVisit";
import { LANGUAGES, type Language } from "./locales/languages";

export { LANGUAGES, type Language };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language on <html lang> follows the one shown, for screen readers and hyphenation. */
function reflectOnDocument(language: string): void {
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

// The first visit's texts only; the pages' namespaces are added before any page that uses
// them renders (pageTexts.ts), so no component ever waits for a namespace.
void i18n.use(initReactI18next).init({
  resources: firstVisitResources,
  lng: "fi",
  fallbackLng: "fi",
  supportedLngs: [...LANGUAGES],
  defaultNS: "common",
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});
i18n.on("languageChanged", reflectOnDocument);
reflectOnDocument(i18n.language);

/** Adds namespaces of texts to every language they are given in. */
export function addTexts(bundles: Record<string, Record<string, object>>): void {
  for (const [language, namespaces] of Object.entries(bundles)) {
    for (const [namespace, texts] of Object.entries(namespaces)) i18n.addResourceBundle(language, namespace, texts, true, true);
  }
}

export default i18n;
