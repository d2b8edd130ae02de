import { beforeAll, describe, expect, it } from "vitest";
import i18n from "../../../i18n";
import { ApiFailure } from "../../../api/client";
import { apiError } from "../../admin/testSupport";
import { helsinkiIso, helsinkiParts } from "./helsinkiTime";
import {
  apiErrors,
  emptyValues,
  fieldOfError,
  summaryOf,
  toDetails,
  validate,
  valuesOf,
  type ServiceFormValues,
} from "./serviceFormModel";

const t = i18n.getFixedT("en");
beforeAll(() => i18n.changeLanguage("en"));

/** A coordinator's service that passes every check. */
function valid(overrides: Partial<ServiceFormValues> = {}): ServiceFormValues {
  const base = emptyValues("create", "ii-coordinator-1");
  return {
    ...base,
    title: { fi: "Kuntosali", sv: "", en: "" },
    description: { fi: "Ohjatut vuorot henkilöstölle.", sv: "", en: "" },
    category: "physical",
    kind: "new",
    providerType: "organisation",
    providerOrganisation: "Iin liikuntapalvelut",
    format: "in_person",
    place: "Liikuntahalli",
    timing: "onRequest",
    ...overrides,
  };
}

describe("the service form's own checks", () => {
  it("asks for a name and description in some language, category, kind, provider, format and timing, in page order", () => {
    const errors = validate(emptyValues("create", "me"), "create", t);
    expect(summaryOf(errors, emptyValues("create", "me")).map((error) => error.message)).toEqual([
      "Write the name and description of the service in at least one language",
      "Choose a category",
      "Choose the kind of service",
      "Enter the name of the providing organisation",
      "Choose the format",
      "Choose whether the service is at set times or on request",
    ]);
    expect(validate(valid(), "create", t)).toEqual({});
  });

  it("checks each language given: name 3–120 and description 10–4000 characters, in the same languages", () => {
    const errors = validate(
      valid({ title: { fi: "Ku", sv: "Gym", en: "" }, description: { fi: "Ohjatut vuorot.", sv: "", en: "Short" } }),
      "create",
      t,
    );
    expect(errors).toEqual({
      "title.fi": "The name in Finnish must be 3–120 characters",
      "description.sv": "Write the description in Swedish too (the same languages as the name)",
      "title.en": "Write the name in English too (the same languages as the description)",
      "description.en": "The description in English must be 10–4000 characters",
    });
  });

  it("needs each time's start, and an end after it", () => {
    const values = valid({
      timing: "sessions",
      sessions: [
        { key: "a", startDate: "2027-03-15", startTime: "17:00", endDate: "", endTime: "16:00" },
        { key: "b", startDate: "", startTime: "", endDate: "", endTime: "" },
        { key: "c", startDate: "2027-03-15", startTime: "17:00", endDate: "2027-03-16", endTime: "09:00" },
      ],
    });
    expect(validate(values, "create", t)).toEqual({
      "sessions.0.endsAt": "Time 1: the end must be after the start",
      "sessions.1.startsAt": "Time 2: enter the start date and time",
    });
  });

  it("needs a place unless online, and a whole number of places", () => {
    expect(validate(valid({ place: "" }), "create", t).place).toBe("Enter the place (required unless the service is online)");
    expect(validate(valid({ place: "", format: "online" }), "create", t).place).toBeUndefined();
    expect(validate(valid({ capacity: "0" }), "create", t).capacity).toBeDefined();
    expect(validate(valid({ capacity: "2.5" }), "create", t).capacity).toBeDefined();
    expect(validate(valid({ capacity: "12" }), "create", t).capacity).toBeUndefined();
  });

  it("a confidential service needs a person as its provider", () => {
    expect(validate(valid({ confidential: true }), "create", t)).toEqual({
      confidential: "A confidential service needs a person as the provider",
    });
    expect(validate(valid({ confidential: true, providerType: "person", providerUserId: "kokkola-psychologist-maria" }), "create", t)).toEqual({});
  });

  it("a proposal is the proposer's peer service: no kind or provider to choose", () => {
    const values = { ...valid(), kind: "peer", providerType: "person" as const, providerUserId: "ii-employee-1" };
    expect(validate(values, "propose", t)).toEqual({});
    expect(emptyValues("propose", "ii-employee-1")).toMatchObject({ kind: "peer", providerUserId: "ii-employee-1" });
  });
});

describe("the service as sent", () => {
  it("sends only the languages given, times as Helsinki ISO with offset, and keeps audience and sharing as stored", () => {
    const details = toDetails(
      valid({
        title: { fi: " Kuntosali ", sv: "", en: "" },
        timing: "sessions",
        sessions: [{ key: "a", startDate: "2027-01-15", startTime: "17:00", endDate: "", endTime: "18:30" }],
        capacity: "15",
        sharedWithGroup: "oulunkaari-region",
        audienceGroups: ["varhaiskasvatus"],
      }),
    );
    expect(details).toMatchObject({
      title: { fi: "Kuntosali" },
      description: { fi: "Ohjatut vuorot henkilöstölle." },
      provider: { organisation: "Iin liikuntapalvelut" },
      sessions: [{ startsAt: "2027-01-15T17:00:00+02:00", endsAt: "2027-01-15T18:30:00+02:00" }],
      onRequest: false,
      capacity: 15,
      sharedWithGroup: "oulunkaari-region",
      audienceGroups: ["varhaiskasvatus"],
    });
  });

  it("reads a stored service back into the same form", () => {
    const details = toDetails(
      valid({ timing: "sessions", sessions: [{ key: "a", startDate: "2027-06-15", startTime: "09:00", endDate: "", endTime: "" }] }),
    );
    const values = valuesOf(details);
    expect(values.sessions[0]).toMatchObject({ startDate: "2027-06-15", startTime: "09:00", endDate: "", endTime: "" });
    expect(values.providerOrganisation).toBe("Iin liikuntapalvelut");
    expect(toDetails(values)).toEqual(details);
  });
});

describe("Helsinki time", () => {
  it("uses the offset in force on the day, and refuses dates that do not exist", () => {
    expect(helsinkiIso("2027-01-15", "17:00")).toBe("2027-01-15T17:00:00+02:00");
    expect(helsinkiIso("2027-07-15", "17:00")).toBe("2027-07-15T17:00:00+03:00");
    expect(helsinkiIso("2027-02-30", "17:00")).toBeNull();
    expect(helsinkiIso("2027-02-03", "25:00")).toBeNull();
    expect(helsinkiParts("2027-07-15T14:00:00Z")).toEqual({ date: "2027-07-15", time: "17:00" });
  });
});

describe("the API's refusals", () => {
  it("lands each location on its field", () => {
    expect(fieldOfError(["body", "title", "fi"], "String should have at least 3 characters")).toBe("title.fi");
    expect(fieldOfError(["body", "details", "description", "sv"], "too short")).toBe("description.sv");
    expect(fieldOfError(["body", "sessions", 0, "endsAt"], "x")).toBe("sessions.0.endsAt");
    expect(fieldOfError(["body", "details", "sessions", 2], "Value error, endsAt must be after startsAt")).toBe("sessions.2.startsAt");
    expect(fieldOfError(["body", "provider", "userId"], "is not a person")).toBe("provider");
    expect(fieldOfError(["body"], "Value error, a confidential service needs a person as its provider")).toBe("confidential");
    expect(fieldOfError(["body", "details"], "Value error, place is required unless the service is online")).toBe("place");
    expect(fieldOfError(["body"], "Value error, give either sessions or onRequest, not both and not neither")).toBe("timing");
    expect(fieldOfError(["body", "sharedWithGroup"], "is not a tenant group")).toBe("sharedWith");
    expect(fieldOfError(["body", "audienceGroups", 1], "is not an employee group")).toBe("audience");
  });

  it("says it in the person's language, and the summary links to the field", () => {
    const failure = new ApiFailure(
      422,
      apiError("validation_error", [
        { loc: ["body", "title", "en"], msg: "String should have at most 120 characters" },
        { loc: ["body", "provider", "userId"], msg: "is not a person in this organisation's staff directory" },
        { loc: ["body", "sessions", 0, "endsAt"], msg: "Value error" },
      ]),
    );
    const { errors, unplaced } = apiErrors(failure, t);
    expect(unplaced).toBe(false);
    const summary = summaryOf(errors, valid({ timing: "sessions" }));
    expect(summary).toEqual([
      { fieldId: "service-title-en", message: "The name in English must be 3–120 characters" },
      { fieldId: "service-provider", message: "There is no person with this user ID in the staff directory" },
      { fieldId: "service-sessions-0-endDate", message: "Time 1: the end must be after the start" },
    ]);
  });
});
