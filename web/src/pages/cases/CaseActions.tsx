import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Schemas } from "../../api/client";
import { ApiText, useApiLanguage } from "./ApiText";
import { TransitionForm } from "./TransitionForm";

type CaseFile = Schemas["CaseDetailResponse"];
type Action = Schemas["ActionView"];

/** The workflow actions the API says the caller may take now, one button each; the chosen
 * one opens its form below. Nothing here decides who may do what. */
export function CaseActions({ file, onDone, onConflict }: { file: CaseFile; onDone(message: ReactNode): void; onConflict(): void }) {
  const { t } = useTranslation("cases");
  const lang = useApiLanguage();
  // The chosen action stays open across a reload (409), so what was typed and the
  // conflict message remain even if the action is no longer offered.
  const [chosen, setChosen] = useState<Action | null>(null);

  if (file.availableActions.length === 0 && !chosen) {
    return <p>{t("actions.none")}</p>;
  }
  return (
    <>
      <ul className="case-actions" aria-label={t("actions.label")}>
        {file.availableActions.map((action) => (
          <li key={action.key}>
            <button
              type="button"
              className={`hds-button ${chosen?.key === action.key ? "hds-button--primary" : "hds-button--secondary"}`}
              aria-expanded={chosen?.key === action.key}
              aria-controls={chosen?.key === action.key ? "transition-form" : undefined}
              onClick={() => setChosen(chosen?.key === action.key ? null : action)}
            >
              <span className="hds-button__label">
                <ApiText lang={lang}>{action.label}</ApiText>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {chosen && (
        <div id="transition-form">
          <TransitionForm
            key={chosen.key}
            caseId={file.caseId}
            version={file.version}
            action={chosen}
            onConflict={onConflict}
            onCancel={() => setChosen(null)}
            onDone={(message) => {
              setChosen(null);
              onDone(message);
            }}
          />
        </div>
      )}
    </>
  );
}
