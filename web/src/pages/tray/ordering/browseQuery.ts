import type { ServiceView } from "../serviceText";

type Category = ServiceView["details"]["category"];
type Kind = ServiceView["details"]["kind"];

export const CATEGORIES: Category[] = ["competence", "community", "mental", "physical", "work_ability"];
export const KINDS: Kind[] = ["existing", "new", "peer"];
export const SEARCH_MAX = 100;

/** The browse page's search, kept in its URL query (words and filters, never content). */
export interface BrowseQuery {
  q: string;
  category: Category | "";
  kind: Kind | "";
}

export function queryFromSearch(search: URLSearchParams): BrowseQuery {
  const category = search.get("category") ?? "";
  const kind = search.get("kind") ?? "";
  return {
    q: (search.get("q") ?? "").slice(0, SEARCH_MAX),
    category: (CATEGORIES as string[]).includes(category) ? (category as Category) : "",
    kind: (KINDS as string[]).includes(kind) ? (kind as Kind) : "",
  };
}

export function searchFromQuery(query: BrowseQuery): Record<string, string> {
  const search: Record<string, string> = {};
  if (query.q.trim()) search.q = query.q.trim();
  if (query.category) search.category = query.category;
  if (query.kind) search.kind = query.kind;
  return search;
}

/** GET /services's query: empty filters left out. */
export function apiQuery(query: BrowseQuery, cursor: string | null) {
  return {
    ...(query.q.trim() ? { q: query.q.trim() } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
