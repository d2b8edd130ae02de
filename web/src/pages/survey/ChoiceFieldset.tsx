import type { ReactNode } from "react";

export interface Choice {
  value: string;
  label: ReactNode;
}

/** One question: radio buttons in a fieldset, its legend the question (which may be in
 * another language than the page, hence ReactNode). The first radio carries `id`, so an
 * error summary's link lands on the group. */
export function ChoiceFieldset({
  id,
  legend,
  choices,
  value,
  onChange,
  error,
  optional,
}: {
  id: string;
  legend: ReactNode;
  choices: Choice[];
  value: string;
  onChange(value: string): void;
  error?: string;
  optional?: ReactNode;
}) {
  return (
    <fieldset
      className={`hds-fieldset form-group survey-question${error ? " form-group--invalid" : ""}`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-invalid={!!error || undefined}
    >
      <legend className="hds-fieldset-legend">
        {legend}
        {optional && <span className="optional"> ({optional})</span>}
      </legend>
      {error && (
        <span className="hds-text-input__error-text" id={`${id}-error`}>
          {error}
        </span>
      )}
      <div className="survey-choices">
        {choices.map((choice, index) => {
          const choiceId = index === 0 ? id : `${id}-${choice.value}`;
          return (
            <div className="hds-radio-button" key={choice.value}>
              <input
                type="radio"
                className="hds-radio-button__input"
                id={choiceId}
                name={id}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
              />
              <label className="hds-radio-button__label" htmlFor={choiceId}>
                {choice.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
