import { firstVisitResources } from "./firstVisit";
import { pageResources } from "./pages";

export { LANGUAGES, type Language } from "./languages";

/** Every namespace of every language, for the tests (locales.test.ts checks that every
 * language has every key). The app loads them in two parts: firstVisit.ts and pages.ts. */
export const resources = {
  fi: { ...firstVisitResources.fi, ...pageResources.fi },
  sv: { ...firstVisitResources.sv, ...pageResources.sv },
  en: { ...firstVisitResources.en, ...pageResources.en },
} as const;
