import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../session/SessionProvider";

/** The language the API wrote its labels in (states, actions, deadlines): the person's own if
 * the tenant uses it, else the tenant's first. It may differ from the language shown. */
export function useApiLanguage(): string {
  const { me } = useSession();
  const languages = me?.tenant.languages ?? [];
  if (!me || languages.length === 0) return me?.language ?? "fi";
  return languages.includes(me.language) ? me.language : (languages[0] ?? me.language);
}

/** Text in another language than the page's is marked so (WCAG 3.1.2), for screen readers. */
export function ApiText({ lang, children }: { lang: string | undefined; children: ReactNode }) {
  const { i18n } = useTranslation();
  if (!lang || lang === i18n.language) return <>{children}</>;
  return <span lang={lang}>{children}</span>;
}
