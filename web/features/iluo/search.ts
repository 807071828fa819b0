/** The ILUO page's search parameters: the chosen team (`?ploeg=<id>`). Anything else is dropped. */
export interface IluoSearch {
  ploeg?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseIluoSearch(search: Record<string, unknown>): IluoSearch {
  return typeof search.ploeg === 'string' && uuid.test(search.ploeg) ? { ploeg: search.ploeg } : {};
}
