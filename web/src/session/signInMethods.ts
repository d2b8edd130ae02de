import type { SignInConfig } from "./appConfig";

export interface Credentials {
  token: string;
  expiresAt: number;
}

export interface DemoPerson {
  userId: string;
  name: string;
  roles: string[];
  unit: string;
  tenantId: string;
  tenantName: string;
}

/** The local stack's demo people picker: anyone may be anyone (never on AWS). */
export async function demoPeople(config: Extract<SignInConfig, { kind: "local" }>): Promise<DemoPerson[]> {
  const response = await fetch(config.peopleUrl, { cache: "no-store" });
  const body = (await response.json()) as {
    tenants: { tenantId: string; name: Record<string, string>; people: Omit<DemoPerson, "tenantId" | "tenantName">[] }[];
  };
  return body.tenants.flatMap((tenant) =>
    tenant.people.map((person) => ({
      ...person,
      tenantId: tenant.tenantId,
      tenantName: tenant.name.fi ?? Object.values(tenant.name)[0] ?? tenant.tenantId,
    })),
  );
}

export async function signInAsDemoPerson(
  config: Extract<SignInConfig, { kind: "local" }>,
  userId: string,
): Promise<Credentials> {
  const response = await fetch(config.signInUrl, {
    method: "POST",
    cache: "no-store",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ userId }),
  });
  if (!response.ok) throw new Error(`sign-in: ${response.status}`);
  const body = (await response.json()) as { token: string; expiresIn: number };
  return { token: body.token, expiresAt: Date.now() + body.expiresIn * 1000 };
}
