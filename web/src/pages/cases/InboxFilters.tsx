import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxGroup, RadioGroup, type Option } from "../../forms/fields";
import type { InboxQuery } from "./inboxQuery";
import type { ReportTypes } from "./reportTypes";

/** States of every type, once each; a key labelled differently by two types shows both. */
function stateOptions(types: ReportTypes | null) {
  const labels = new Map<string, string[]>();
  for (const type of types?.items ?? []) {
    for (const state of type.states) {
      const known = labels.get(state.key) ?? [];
      if (!known.includes(state.label)) labels.set(state.key, [...known, state.label]);
    }
  }
  return [...labels].map(([value, names]) => ({ value, label: names.join(" / ") }));
}

/** A filter's select: neither required nor "optional" (the shared Select marks one or the other). */
export function FilterSelect(props: {
  id: string;
  label: string;
  all: string;
  options: Option[];
  /** The options' language (the API's labels), when it is not the page's. */
  optionsLang?: string;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <div className="hds-text-input">
      <label htmlFor={props.id} className="hds-text-input__label">
        {props.label}
      </label>
      <div className="hds-text-input__input-wrapper">
        <select
          id={props.id}
          name={props.id}
          className="hds-text-input__input native-select"
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
        >
          <option value="">{props.all}</option>
          {props.options.map((option) => (
            <option key={option.value} value={option.value} lang={props.optionsLang}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** The filters as a form: nothing changes until the person sends it. */
export function InboxFilters({ query, types, onApply }: { query: InboxQuery; types: ReportTypes | null; onApply(query: InboxQuery): void }) {
  const { t } = useTranslation("cases");
  const [draft, setDraft] = useState(query);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const only = [draft.overdue ? "overdue" : null, draft.mine ? "mine" : null].filter((value): value is string => !!value);
  return (
    <form className="inbox-filters" onSubmit={apply} aria-labelledby="inbox-filters-title">
      <h2 id="inbox-filters-title">{t("filters.title")}</h2>
      <div className="inbox-filters__fields">
        <RadioGroup
          id="filter-closed"
          label={t("filters.which")}
          required
          options={[
            { value: "open", label: t("filters.open") },
            { value: "closed", label: t("filters.closed") },
          ]}
          value={draft.closed ? "closed" : "open"}
          onChange={(value) => setDraft({ ...draft, closed: value === "closed" })}
        />
        <FilterSelect
          id="filter-type"
          label={t("columns.type")}
          all={t("filters.all")}
          optionsLang={types?.language}
          options={(types?.items ?? []).map((type) => ({ value: type.key, label: type.label }))}
          value={draft.type}
          onChange={(value) => setDraft({ ...draft, type: value })}
        />
        <FilterSelect
          id="filter-status"
          label={t("columns.state")}
          all={t("filters.all")}
          optionsLang={types?.language}
          options={stateOptions(types)}
          value={draft.status}
          onChange={(value) => setDraft({ ...draft, status: value })}
        />
        <CheckboxGroup
          id="filter-only"
          label={t("filters.only")}
          required
          options={[
            { value: "overdue", label: t("filters.overdue") },
            { value: "mine", label: t("filters.mine") },
          ]}
          values={only}
          onChange={(values) => setDraft({ ...draft, overdue: values.includes("overdue"), mine: values.includes("mine") })}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="hds-button hds-button--secondary">
          <span className="hds-button__label">{t("filters.apply")}</span>
        </button>
      </div>
    </form>
  );
}
