import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Page titles name the screen, never its content (a title shows in history and tabs). */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t("appName")}`;
  }, [title, t]);
}
