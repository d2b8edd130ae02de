import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { api, connectSession, unwrap, type Schemas } from "../api/client";
import i18n, { isLanguage } from "../i18n";
import { clearDrafts } from "./drafts";
import type { AppConfig } from "./appConfig";
import { signInAsDemoPerson, type Credentials } from "./signInMethods";
import { endOidcSession, renewOidcSession } from "./oidcSignIn";

export type Me = Schemas["MeResponse"];
export type EndReason = "signed_out" | "timeout" | "expired";

export interface SignedIn {
  me: Me;
  /** False when someone else used this tab before: they go to the front page, not back to
   * the previous person's page, and none of the previous person's drafts remain. */
  mayReturn: boolean;
}

interface SessionState {
  config: AppConfig;
  me: Me | null;
  /** Why the last session ended, shown once on the sign-in page. */
  ended: EndReason | null;
  signInLocal(userId: string): Promise<SignedIn>;
  acceptCredentials(credentials: Credentials): Promise<SignedIn>;
  signOut(): void;
  end(reason: EndReason): void;
  /** Resets the idle clock (the warning's "continue") and renews a token near its end. */
  extend(): void;
  /** Renews a token near its end, for someone still active. */
  renew(): void;
  lastActivity: () => number;
  expiresAt: () => number | null;
}

const SessionContext = createContext<SessionState | null>(null);

/** The person's own language unless they chose one in this tab. */
let languageChosenByHand = false;
export function chooseLanguage(language: string): void {
  languageChosenByHand = true;
  void i18n.changeLanguage(language);
}

export function SessionProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  // Tokens live in memory only: a reload or a closed tab is a sign-out (shared computers).
  const credentials = useRef<Credentials | null>(null);
  const localUser = useRef<string | null>(null);
  const activity = useRef(Date.now());
  const [me, setMe] = useState<Me | null>(null);
  const [ended, setEnded] = useState<EndReason | null>(null);

  // Whose session this tab had last: drafts and the way back belong to that person only.
  const previousOwner = useRef<string | null>(null);

  const end = useCallback(
    (reason: EndReason) => {
      const wasSignedIn = credentials.current !== null;
      credentials.current = null;
      localUser.current = null;
      setMe(null);
      if (!wasSignedIn) return;
      setEnded(reason);
      if (reason === "signed_out") {
        // A timed-out draft survives in memory, so the person can sign in and go on.
        clearDrafts();
        languageChosenByHand = false;
      }
      // On AWS every end also ends the identity provider's session: otherwise the next
      // person at this computer would be signed straight back in as this one. (Signing in
      // again there reloads the page, so a draft does not survive a timeout on AWS.)
      if (config.signIn.kind === "oidc") void endOidcSession(config.signIn);
    },
    [config],
  );

  useEffect(() => {
    connectSession(
      () => credentials.current?.token ?? null,
      () => end("expired"),
    );
  }, [end]);

  const acceptCredentials = useCallback(async (given: Credentials): Promise<SignedIn> => {
    credentials.current = given;
    activity.current = Date.now();
    let person: Me;
    try {
      person = await unwrap(api.GET("/me"));
    } catch (failure) {
      // No half sign-in: a token whose profile could not be read is not kept.
      if (credentials.current === given) credentials.current = null;
      throw failure;
    }
    const mayReturn = previousOwner.current === null || previousOwner.current === person.userId;
    if (!mayReturn) {
      clearDrafts();
      languageChosenByHand = false;
    }
    previousOwner.current = person.userId;
    if (!languageChosenByHand && isLanguage(person.language)) await i18n.changeLanguage(person.language);
    setEnded(null);
    setMe(person);
    return { me: person, mayReturn };
  }, []);

  const signInLocal = useCallback(
    async (userId: string) => {
      if (config.signIn.kind !== "local") throw new Error("local sign-in is not available");
      const given = await signInAsDemoPerson(config.signIn, userId);
      localUser.current = userId;
      return acceptCredentials(given);
    },
    [acceptCredentials, config],
  );

  const renewing = useRef(false);
  const renew = useCallback(() => {
    const userId = localUser.current;
    const given = credentials.current;
    if (!given || renewing.current || given.expiresAt - Date.now() > 10 * 60_000) return;
    // A token about to expire is renewed: locally by signing in again, on AWS with the
    // refresh token the OIDC client keeps in memory.
    const renewal =
      config.signIn.kind === "local"
        ? userId
          ? signInAsDemoPerson(config.signIn, userId)
          : Promise.resolve(null)
        : renewOidcSession(config.signIn);
    renewing.current = true;
    void renewal
      .then((fresh) => {
        // Only for the same session: not after a sign-out, nor into someone else's.
        if (fresh && credentials.current === given) credentials.current = fresh;
      })
      .catch(() => undefined) // The warning shows before the old token runs out.
      .finally(() => {
        renewing.current = false;
      });
  }, [config]);

  const extend = useCallback(() => {
    activity.current = Date.now();
    renew();
  }, [renew]);

  useEffect(() => {
    const touch = () => {
      activity.current = Date.now();
    };
    const events = ["keydown", "pointerdown", "touchstart"] as const;
    events.forEach((name) => window.addEventListener(name, touch, { passive: true }));
    return () => events.forEach((name) => window.removeEventListener(name, touch));
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      config,
      me,
      ended,
      signInLocal,
      acceptCredentials,
      signOut: () => end("signed_out"),
      end,
      extend,
      renew,
      lastActivity: () => activity.current,
      expiresAt: () => credentials.current?.expiresAt ?? null,
    }),
    [config, me, ended, signInLocal, acceptCredentials, end, extend, renew],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

export function hasRole(me: Me | null, ...roles: string[]): boolean {
  return !!me && me.roles.some((role) => roles.includes(role));
}
