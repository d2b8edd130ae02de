import { useTranslation } from "react-i18next";
import type { FieldError } from "../../forms/ErrorSummary";
import { CheckboxGroup, RadioGroup, Select, TextArea, TextField } from "../../forms/fields";
import type { Handlers, ReportField, ReportType, ReportTypes } from "./reportChannel";
import {
  fieldId,
  MAX_RECUSALS,
  UNIT_HANDLER,
  validateDetails,
  validateHandler,
  validateRecusal,
  validateType,
  validateUnit,
  type ReportDraft,
} from "./reportDraft";
import { RestrictedNote, StepForm } from "./StepForm";

export interface StepProps {
  draft: ReportDraft;
  update: (changes: Partial<ReportDraft>) => void;
  types: ReportTypes;
  /** The chosen type (undefined only on the type step, before a choice). */
  type: ReportType | undefined;
  errorOf: (fieldId: string) => string | undefined;
  /** Goes on when `errors` is empty, else shows them. */
  done: (errors: FieldError[]) => void;
  back: string | null;
}

export function TypeStep({ draft, update, types, errorOf, done, back }: StepProps) {
  const { t } = useTranslation("report");
  const options = types.items.map((type) => ({
    value: type.key,
    label: type.label,
    hint: type.restricted ? t("type.restrictedHint") : undefined,
  }));
  const choose = (typeKey: string) =>
    // Another type has other handlers; answers stay, the form keeps only the new type's.
    update(typeKey === draft.typeKey ? {} : { typeKey, handlerId: "" });
  return (
    <StepForm back={back} onSubmit={() => done(validateType(draft, t))}>
      <p>{t("type.intro")}</p>
      <RadioGroup
        id={fieldId.type}
        label={t("type.label")}
        required
        options={options}
        value={draft.typeKey}
        onChange={choose}
        error={errorOf(fieldId.type)}
      />
    </StepForm>
  );
}

function AnswerField({ field, value, onChange, error }: { field: ReportField; value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation("report");
  const common = { id: fieldId.answer(field.key), label: field.label, required: field.required, error, value, onChange };
  if (field.kind === "choice") {
    return <RadioGroup {...common} options={field.options.map((option) => ({ value: option.value, label: option.label }))} />;
  }
  const hint = t("details.lengthHint", { max: field.maxLength });
  if (field.kind === "long_text") return <TextArea {...common} hint={hint} maxLength={field.maxLength} confidential />;
  return <TextField {...common} maxLength={field.maxLength} confidential />;
}

export function DetailsStep({ draft, update, type, errorOf, done, back }: StepProps) {
  const { t } = useTranslation("report");
  if (!type) return null;
  return (
    <StepForm back={back} onSubmit={() => done(validateDetails(draft, type, t))}>
      <p>{t("details.intro", { type: type.label })}</p>
      {type.fields.map((field) => (
        <AnswerField
          key={field.key}
          field={field}
          value={draft.answers[field.key] ?? ""}
          onChange={(value) => update({ answers: { ...draft.answers, [field.key]: value } })}
          error={errorOf(fieldId.answer(field.key))}
        />
      ))}
    </StepForm>
  );
}

export function UnitStep({ draft, update, types, type, errorOf, done, back }: StepProps) {
  const { t } = useTranslation("report");
  if (!type) return null;
  const options = types.units.map((unit) => ({ value: unit.id, label: unit.name }));
  // The unit's supervisors handle the report, so a new unit means choosing again.
  const choose = (unitId: string) => update(unitId === draft.unitId ? {} : { unitId, handlerId: "" });
  const props = { id: fieldId.unit, label: t("unit.label"), required: true, options, value: draft.unitId, onChange: choose, error: errorOf(fieldId.unit) };
  return (
    <StepForm back={back} onSubmit={() => done(validateUnit(draft, type, t))}>
      <p>{t("unit.intro")}</p>
      {options.length <= 10 ? <RadioGroup {...props} /> : <Select {...props} placeholder={t("unit.placeholder")} />}
    </StepForm>
  );
}

export function HandlerStep({ draft, update, type, handlers, errorOf, done, back }: StepProps & { handlers: Handlers }) {
  const { t } = useTranslation("report");
  if (!type) return null;
  const roleNames = (roles: string[]) => roles.map((role) => t(`common:roles.${role}`, { defaultValue: role })).join(", ");
  const options = [
    ...(type.handlerRequired ? [] : [{ value: UNIT_HANDLER, label: t("handler.unit"), hint: t("handler.unitHint") }]),
    ...handlers.handlers.map((person) => ({ value: person.userId, label: person.name, hint: roleNames(person.roles) })),
  ];
  return (
    <StepForm back={back} onSubmit={() => done(validateHandler(draft, type, handlers, t))}>
      {type.restricted ? (
        <RestrictedNote>
          <p>{t("handler.restrictedIntro")}</p>
        </RestrictedNote>
      ) : (
        <p>{t("handler.intro")}</p>
      )}
      <RadioGroup
        id={fieldId.handler}
        label={t("handler.label")}
        required={type.handlerRequired}
        options={options}
        value={draft.handlerId}
        onChange={(handlerId) => update({ handlerId })}
        error={errorOf(fieldId.handler)}
      />
    </StepForm>
  );
}

export function RecusalStep({ draft, update, handlers, errorOf, done, back }: StepProps & { handlers: Handlers }) {
  const { t } = useTranslation("report");
  // The chosen handler cannot also be kept out of the report.
  const options = handlers.recusable
    .filter((person) => person.userId !== draft.handlerId)
    .map((person) => ({ value: person.userId, label: person.name }));
  return (
    <StepForm back={back} onSubmit={() => done(validateRecusal(draft, t))}>
      <p>{t("recusal.intro")}</p>
      <CheckboxGroup
        id={fieldId.recusal}
        label={t("recusal.label")}
        hint={t("recusal.hint", { max: MAX_RECUSALS })}
        options={options}
        values={draft.recusedIds.filter((id) => id !== draft.handlerId)}
        onChange={(recusedIds) => update({ recusedIds })}
        error={errorOf(fieldId.recusal)}
      />
    </StepForm>
  );
}
