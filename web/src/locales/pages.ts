import fiCases from "./fi/cases.json";
import svCases from "./sv/cases.json";
import enCases from "./en/cases.json";
import fiAdmin from "./fi/admin.json";
import svAdmin from "./sv/admin.json";
import enAdmin from "./en/admin.json";
import fiTray from "./fi/tray.json";
import svTray from "./sv/tray.json";
import enTray from "./en/tray.json";
import fiTrayEditing from "./fi/trayEditing.json";
import svTrayEditing from "./sv/trayEditing.json";
import enTrayEditing from "./en/trayEditing.json";
import fiSurvey from "./fi/survey.json";
import svSurvey from "./sv/survey.json";
import enSurvey from "./en/survey.json";

/** The texts of the pages loaded on first use (handlers, admin, tray, survey), in every
 * language, so switching language never waits. Imported only dynamically (pageTexts.ts):
 * a reporter's first visit does not download them. */
export const pageResources = {
  fi: { cases: fiCases, admin: fiAdmin, tray: fiTray, trayEditing: fiTrayEditing, survey: fiSurvey },
  sv: { cases: svCases, admin: svAdmin, tray: svTray, trayEditing: svTrayEditing, survey: svSurvey },
  en: { cases: enCases, admin: enAdmin, tray: enTray, trayEditing: enTrayEditing, survey: enSurvey },
} as const;
