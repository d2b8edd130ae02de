import { api, ApiFailure, unwrap, type Schemas } from "../../api/client";

export type StaffMember = Schemas["StaffMemberResponse"];
type StaffList = Schemas["StaffListResponse"];
export type StaffRequest = Schemas["PutStaffMemberRequest"];
export type PrivilegedRole = StaffRequest["roles"][number];
export type RoleChange = Schemas["RoleChangeResponse"];
export type Unit = Schemas["Unit"];

/** The roles a tenant admin can give, in the order the form lists them. */
export const PRIVILEGED_ROLES: PrivilegedRole[] = [
  "supervisor",
  "wellbeing_coordinator",
  "tenant_admin",
  "safety_representative",
  "safety_manager",
  "hr_director",
];

/** Roles that read harassment reports: giving one takes an overseer's confirmation. */
export const CASE_HANDLING_ROLES: readonly string[] = ["safety_representative", "safety_manager", "hr_director"];

export const STAFF_PAGE_SIZE = 50;

export function loadStaffPage(cursor: string | null) {
  return unwrap(api.GET("/staff", { params: { query: { limit: STAFF_PAGE_SIZE, cursor } } }));
}

/** There is no GET /staff/{userId}: the entry is found by paging the directory (a
 * municipality's staff directory is a few hundred people at most). */
export async function findStaffMember(userId: string): Promise<StaffMember> {
  let cursor: string | null = null;
  do {
    const page: StaffList = await unwrap(api.GET("/staff", { params: { query: { limit: 100, cursor } } }));
    const found = page.items.find((member) => member.userId === userId);
    if (found) return found;
    cursor = page.nextCursor;
  } while (cursor);
  throw new ApiFailure(404, null);
}

/** The tenant's units, for choosing supervised units (the admin may read the settings). */
export async function loadUnits(): Promise<Unit[]> {
  const answer = await unwrap(api.GET("/tenant/settings"));
  return answer.settings.units;
}

export function unitName(unit: Unit, language: string): string {
  const names = unit.name as Record<string, string | undefined>;
  return names[language] ?? names.fi ?? Object.values(names)[0] ?? unit.id;
}
