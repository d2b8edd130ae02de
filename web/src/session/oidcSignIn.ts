import type { SignInConfig } from "./appConfig";
import type { Credentials } from "./signInMethods";

type OidcConfig = Extract<SignInConfig, { kind: "oidc" }>;

/** Cognito's hosted UI, authorization code with PKCE. The library is loaded only on AWS.
 * Tokens stay in memory (InMemoryWebStorage); only the short-lived PKCE state of a sign-in
 * in progress passes through session storage, as the redirect needs it. */
let manager: Promise<import("oidc-client-ts").UserManager> | null = null;

/** One manager per page: its in-memory store keeps the refresh token that renews the session. */
function userManager(config: OidcConfig) {
  manager ??= createUserManager(config);
  return manager;
}

async function createUserManager(config: OidcConfig) {
  const { UserManager, WebStorageStateStore, InMemoryWebStorage } = await import("oidc-client-ts");
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${location.origin}/sign-in/callback`,
    post_logout_redirect_uri: `${location.origin}/`,
    response_type: "code",
    scope: config.scope ?? "openid email profile",
    userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: false,
  });
}

export async function beginOidcSignIn(config: OidcConfig, returnTo: string): Promise<void> {
  const manager = await userManager(config);
  await manager.signinRedirect({ state: { returnTo } });
}

type OidcUser = import("oidc-client-ts").User;

function credentialsOf(user: OidcUser): Credentials {
  // API Gateway's Cognito authorizer takes the ID token (it carries the tenant claims).
  const expiresAt = (user.expires_at ?? Math.floor(Date.now() / 1000) + 300) * 1000;
  return { token: user.id_token ?? "", expiresAt };
}

export async function completeOidcSignIn(config: OidcConfig): Promise<{ credentials: Credentials; returnTo: string }> {
  const user = await (await userManager(config)).signinRedirectCallback();
  const state = user.state as { returnTo?: string } | undefined;
  return { credentials: credentialsOf(user), returnTo: safeReturnPath(state?.returnTo) };
}

/** A fresh ID token with the refresh token held in memory (the session's "continue"). */
export async function renewOidcSession(config: OidcConfig): Promise<Credentials | null> {
  const user = await (await userManager(config)).signinSilent();
  return user ? credentialsOf(user) : null;
}

export async function endOidcSession(config: OidcConfig): Promise<void> {
  const current = manager;
  manager = null;
  // Forget the refresh token here, then end the identity provider's session too.
  if (current) await (await current).removeUser();
  if (config.logoutUrl) location.replace(config.logoutUrl);
}

/** Only a path of this app, never another origin (open redirect). */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return "/";
  // Backslashes and control characters: browsers read "/\\host" and "/\t/host" as another host.
  if ([...value].some((c) => c === "\\" || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return "/";
  return value;
}
