/** What the hosting tells the app at start: how people sign in. Served as /app-config.json
 * next to the app (by the local stack, or uploaded with the build on AWS). */
export type SignInConfig =
  | { kind: "local"; peopleUrl: string; signInUrl: string }
  | { kind: "oidc"; authority: string; clientId: string; scope?: string; logoutUrl?: string };

export interface AppConfig {
  signIn: SignInConfig;
  /** Minutes without activity before a signed-in session ends. */
  idleMinutes: number;
  /** Where quick exit goes: a neutral site. */
  quickExitUrl: string;
}

export const DEFAULT_CONFIG: Omit<AppConfig, "signIn"> = {
  idleMinutes: 15,
  quickExitUrl: "https://www.ilmatieteenlaitos.fi/",
};

export async function loadAppConfig(): Promise<AppConfig> {
  const response = await fetch("/app-config.json", { cache: "no-store", credentials: "omit" });
  if (!response.ok) throw new Error(`app-config.json: ${response.status}`);
  const raw = (await response.json()) as Partial<AppConfig> & { signIn: SignInConfig };
  return { ...DEFAULT_CONFIG, ...raw };
}
