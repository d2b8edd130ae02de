/** The inbox filters as the API takes them; kept in the page's URL query (they are not content). */
export interface InboxQuery {
  closed: boolean;
  status: string;
  type: string;
  overdue: boolean;
  mine: boolean;
}

export function queryFromSearch(search: URLSearchParams): InboxQuery {
  return {
    closed: search.get("closed") === "true",
    status: search.get("status") ?? "",
    type: search.get("type") ?? "",
    overdue: search.get("overdue") === "true",
    mine: search.get("mine") === "true",
  };
}

export function searchFromQuery(query: InboxQuery): Record<string, string> {
  const search: Record<string, string> = {};
  if (query.closed) search.closed = "true";
  if (query.status) search.status = query.status;
  if (query.type) search.type = query.type;
  if (query.overdue) search.overdue = "true";
  if (query.mine) search.mine = "true";
  return search;
}

/** The API's query parameters: empty filters left out. */
export function apiQuery(query: InboxQuery, cursor?: string) {
  return {
    closed: query.closed,
    overdue: query.overdue,
    mine: query.mine,
    ...(query.status ? { status: query.status } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
