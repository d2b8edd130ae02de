import type { ComponentType } from "react";
import { addTexts } from "./i18n";

let loading: Promise<void> | undefined;

/** Loads the texts of the pages loaded on first use, once; a failed download is tried
 * again on the next page. */
export function loadPageTexts(): Promise<void> {
  loading ??= import("./locales/pages").then(
    ({ pageResources }) => addTexts(pageResources),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** A route's `lazy`: the page's module and the pages' texts, both before it renders. */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): () => Promise<{ Component: ComponentType }> {
  return async () => {
    const [module] = await Promise.all([load(), loadPageTexts()]);
    return { Component: pick(module) };
  };
}
