import { useTranslation } from "react-i18next";
import type { components } from "../../api/schema";

export type ServiceView = components["schemas"]["ServiceView"];
export type OrderView = components["schemas"]["OrderView"];

/** A service's own text (title, description) in the language shown, else the first the
 * writer gave, with the language it is in, so that text in another language is marked
 * (WCAG 3.1.2) with `ApiText`. */
export interface LocalText {
  text: string;
  lang: string;
}

const ORDER = ["fi", "sv", "en"];

export function pickText(texts: Partial<Record<string, string>> | null | undefined, language: string): LocalText {
  const given = texts ?? {};
  const lang = given[language] ? language : (ORDER.find((l) => given[l]) ?? Object.keys(given)[0] ?? language);
  return { text: given[lang] ?? "", lang };
}

/** `pickText` in the language shown. */
export function useServiceText(): (texts: Partial<Record<string, string>> | null | undefined) => LocalText {
  const { i18n } = useTranslation();
  return (texts) => pickText(texts, i18n.language);
}
