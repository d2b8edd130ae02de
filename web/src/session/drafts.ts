import { useCallback, useSyncExternalStore } from "react";

/** Unsent report drafts, in this tab's memory only: never in storage, a URL or a title.
 * They outlive a session timeout (sign in again and go on) but not a sign-out, a quick exit
 * or a reload. */
const drafts = new Map<string, unknown>();
const listeners = new Set<() => void>();
let revision = 0;

function changed(): void {
  revision += 1;
  listeners.forEach((listener) => listener());
}

export function clearDrafts(): void {
  drafts.clear();
  changed();
}

export function readDraft<T>(key: string): T | undefined {
  return drafts.get(key) as T | undefined;
}

export function saveDraft<T>(key: string, value: T | undefined): void {
  if (value === undefined) drafts.delete(key);
  else drafts.set(key, value);
  changed();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A draft as React state that survives the component (and the session) being unmounted. */
export function useDraft<T>(key: string, initial: T): [T, (next: T) => void, () => void] {
  useSyncExternalStore(subscribe, () => revision);
  const value = (drafts.has(key) ? drafts.get(key) : initial) as T;
  const set = useCallback((next: T) => saveDraft(key, next), [key]);
  const discard = useCallback(() => saveDraft(key, undefined), [key]);
  return [value, set, discard];
}
