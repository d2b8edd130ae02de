import { useServiceText } from "../tray/serviceText";
import { ApiText } from "../cases/ApiText";
import type { LocalisedText } from "./surveyApi";

/** The API's text in the language shown or, when it has none (a validated instrument comes
 * only in the languages it is officially translated into), in its own language, marked with
 * `lang` (WCAG 3.1.2). Never translated here. */
export function SurveyText({ text }: { text: LocalisedText | null | undefined }) {
  const pick = useServiceText();
  const chosen = pick(text);
  return <ApiText lang={chosen.lang}>{chosen.text}</ApiText>;
}
