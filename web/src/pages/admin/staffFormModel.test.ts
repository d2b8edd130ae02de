import { beforeAll, describe, expect, it } from "vitest";
import i18n from "../../i18n";
import { ApiFailure } from "../../api/client";
import { apiErrors, emptyValues, summaryOf, toRequest, validate } from "./staffFormModel";
import { apiError } from "./testSupport";

const t = i18n.getFixedT("en", "admin");

beforeAll(() => i18n.changeLanguage("en"));

describe("the staff form's own checks", () => {
  it("asks for user id, name, email and a role, in the order of the fields", () => {
    const errors = validate(emptyValues(), true, t);
    expect(summaryOf(errors).map((error) => error.fieldId)).toEqual(["staff-userId", "staff-name", "staff-email", "staff-roles"]);
    expect(errors.roles).toBe("Choose at least one role");
  });

  it("refuses user ids the API refuses, and the names of the staff screens", () => {
    for (const userId of ["Erik", "-erik", "erik-", "erik björk", "new", "grants"]) {
      expect(validate({ ...emptyValues(), userId }, true, t).userId, userId).toBeDefined();
    }
    expect(validate({ ...emptyValues(), userId: "kokkola-employee-erik" }, true, t).userId).toBeUndefined();
  });

  it("checks the email address's form and leaves the user id alone for an existing person", () => {
    const values = { ...emptyValues(), name: "Erik", email: "erik@kokkola", roles: ["supervisor" as const] };
    expect(validate(values, false, t)).toEqual({ email: "Enter the email address in the form name@example.fi" });
  });

  it("sends expectedVersion only for an existing entry", () => {
    const values = { ...emptyValues(), name: " Erik ", email: "e@k.example", roles: ["supervisor" as const] };
    expect(toRequest(values, null)).not.toHaveProperty("expectedVersion");
    expect(toRequest(values, 4)).toMatchObject({ name: "Erik", expectedVersion: 4 });
  });
});

describe("the API's refusals as field errors", () => {
  it("puts separation of duties and one's own roles at the roles field, in the person's language", () => {
    const separation = new ApiFailure(
      422,
      apiError("validation_error", [
        { loc: ["body", "roles"], msg: "Value error, tenant_admin cannot be held together with safety_manager" },
      ]),
    );
    expect(apiErrors(separation, t).roles).toMatch(/^An administrator cannot also be/);
    const own = new ApiFailure(422, apiError("validation_error", [{ loc: ["body", "roles"], msg: "nobody can change their own roles" }]));
    expect(apiErrors(own, t).roles).toBe("You cannot change your own roles. Another administrator must do it.");
  });

  it("puts a unit refusal at the units field", () => {
    const failure = new ApiFailure(
      422,
      apiError("validation_error", [{ loc: ["body", "supervisedUnits", 1], msg: "unit does not exist in this tenant" }]),
    );
    expect(Object.keys(apiErrors(failure, t))).toEqual(["supervisedUnits"]);
  });
});
