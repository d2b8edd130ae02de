import type { ChangeEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface Common {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  /** Report content: no autocomplete, no spell-check service, nothing the browser keeps. */
  confidential?: boolean;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function Label({ id, label, required }: Pick<Common, "id" | "label" | "required">) {
  const { t } = useTranslation();
  return (
    <label htmlFor={id} className="hds-text-input__label">
      {label}
      {required ? (
        <span className="hds-text-input__required" aria-hidden="true">
          {" "}
          *
        </span>
      ) : (
        <span className="optional"> ({t("form.optional")})</span>
      )}
    </label>
  );
}

function Messages({ id, hint, error }: Pick<Common, "id" | "hint" | "error">) {
  return (
    <>
      {error && (
        <span className="hds-text-input__error-text" id={`${id}-error`}>
          {error}
        </span>
      )}
      {hint && (
        <span className="hds-text-input__helper-text" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </>
  );
}

function confidentialProps(confidential?: boolean) {
  // Enhanced spell-check in some browsers sends the text to the vendor.
  return confidential ? { autoComplete: "off", spellCheck: false, "data-confidential": "true" } : {};
}

export function TextField(
  props: Common & { value: string; onChange: (value: string) => void; maxLength?: number; type?: string; autoComplete?: string },
) {
  const { id, label, required, hint, error, value, onChange, maxLength, type = "text" } = props;
  return (
    <div className={`hds-text-input${error ? " hds-text-input--invalid" : ""}`}>
      <Label id={id} label={label} required={required} />
      <div className="hds-text-input__input-wrapper">
        <input
          id={id}
          name={id}
          type={type}
          className="hds-text-input__input"
          value={value}
          maxLength={maxLength}
          required={required}
          aria-required={required}
          aria-invalid={!!error}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
          autoComplete={props.autoComplete}
          {...confidentialProps(props.confidential)}
        />
      </div>
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextArea(
  props: Common & { value: string; onChange: (value: string) => void; maxLength?: number; rows?: number },
) {
  const { id, label, required, hint, error, value, onChange, maxLength, rows = 6 } = props;
  return (
    <div className={`hds-text-input hds-text-area${error ? " hds-text-input--invalid" : ""}`}>
      <Label id={id} label={label} required={required} />
      <div className="hds-text-input__input-wrapper">
        <textarea
          id={id}
          name={id}
          className="hds-text-input__input"
          value={value}
          rows={rows}
          maxLength={maxLength}
          required={required}
          aria-required={required}
          aria-invalid={!!error}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => onChange(event.target.value)}
          {...confidentialProps(props.confidential)}
        />
      </div>
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** One choice of several: radio buttons in a fieldset, its legend the question. The first
 * radio carries `id`, so an error summary link lands on the group. */
export function RadioGroup(props: Common & { options: Option[]; value: string; onChange: (value: string) => void }) {
  const { id, label, required, hint, error, options, value, onChange } = props;
  const { t } = useTranslation();
  return (
    <fieldset
      className={`hds-fieldset form-group${error ? " form-group--invalid" : ""}`}
      aria-describedby={describedBy(id, hint, error)}
      aria-invalid={!!error || undefined}
    >
      <legend className="hds-fieldset-legend">
        {label}
        {!required && <span className="optional"> ({t("form.optional")})</span>}
      </legend>
      <Messages id={id} hint={hint} error={error} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div className="hds-radio-button" key={option.value}>
            <input
              type="radio"
              className="hds-radio-button__input"
              id={optionId}
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={option.hint ? `${optionId}-hint` : undefined}
            />
            <label className="hds-radio-button__label" htmlFor={optionId}>
              {option.label}
            </label>
            {option.hint && (
              <span className="option-hint" id={`${optionId}-hint`}>
                {option.hint}
              </span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

export function CheckboxGroup(
  props: Common & { options: Option[]; values: string[]; onChange: (values: string[]) => void; children?: ReactNode },
) {
  const { id, label, hint, error, options, values, onChange } = props;
  const { t } = useTranslation();
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...values, value] : values.filter((existing) => existing !== value));
  return (
    <fieldset className={`hds-fieldset form-group${error ? " form-group--invalid" : ""}`} aria-describedby={describedBy(id, hint, error)}>
      <legend className="hds-fieldset-legend">
        {label}
        {!props.required && <span className="optional"> ({t("form.optional")})</span>}
      </legend>
      <Messages id={id} hint={hint} error={error} />
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option.value}`;
        return (
          <div className="hds-checkbox" key={option.value}>
            <input
              type="checkbox"
              className="hds-checkbox__input"
              id={optionId}
              name={id}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <label className="hds-checkbox__label" htmlFor={optionId}>
              {option.label}
            </label>
          </div>
        );
      })}
      {props.children}
    </fieldset>
  );
}

export function Select(props: Common & { options: Option[]; value: string; onChange: (value: string) => void; placeholder?: string }) {
  const { id, label, required, hint, error, options, value, onChange, placeholder } = props;
  return (
    <div className={`hds-text-input${error ? " hds-text-input--invalid" : ""}`}>
      <Label id={id} label={label} required={required} />
      <div className="hds-text-input__input-wrapper">
        <select
          id={id}
          name={id}
          className="hds-text-input__input native-select"
          value={value}
          aria-required={required}
          aria-invalid={!!error}
          aria-describedby={describedBy(id, hint, error)}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}
