import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { builtInListItems, type ListKind } from '#shared/list-items';
import type { ListItem, OrganisationLists } from '#shared/lists';
import { api } from '../../lib/api';

export const listsQuery = queryOptions({
  queryKey: ['lists'],
  queryFn: () => api.lists.get(),
  // Lists change rarely (an admin edits them); a saved edit refreshes this query itself.
  staleTime: 5 * 60_000,
});

/** Every configurable list of the organisation, built-in items merged with its own. */
export function useLists() {
  return useQuery(listsQuery);
}

/** The i18n key of a built-in item: every built-in code has one in lists.<kind> (nl.ts and en.ts). */
type BuiltInKey = { [K in ListKind]: `lists.${K}.${(typeof builtInListItems)[K][number]['code']}` }[ListKind];
const builtInKey = (kind: ListKind, code: string) => `lists.${kind}.${code}` as BuiltInKey;

const shippedLabel = (kind: ListKind, code: string): string | undefined =>
  builtInListItems[kind].find((item) => item.code === code)?.label;

/**
 * The words for one code. A built-in item the organisation did not rename is translated (lists.<kind>.<code>);
 * a renamed built-in item and the organisation's own items show the organisation's label.
 * A code missing from the list (not loaded yet, or removed) falls back to its translation or the code itself.
 */
export function listLabel(t: TFunction, kind: ListKind, code: string, lists?: OrganisationLists): string {
  const item = lists?.[kind].find((i) => i.code === code);
  const shipped = shippedLabel(kind, code);
  if (item && !(item.builtIn && item.label === shipped)) return item.label;
  return shipped === undefined ? code : t(builtInKey(kind, code));
}

export function itemLabel(t: TFunction, kind: ListKind, item: ListItem): string {
  return item.builtIn && item.label === shippedLabel(kind, item.code) ? t(builtInKey(kind, item.code)) : item.label;
}

export interface ListChoices {
  /** The items someone may pick now: the active ones, in the organisation's order. */
  active: ListItem[];
  /** The words for a stored code, also when the item has been deactivated since. */
  label: (code: string) => string;
  /** False until the organisation's list has loaded: forms can wait for it. */
  ready: boolean;
}

/** One configurable list, for a Select (active items) and for showing stored codes (label). */
export function useListChoices(kind: ListKind): ListChoices {
  const { t } = useTranslation();
  const { data } = useLists();
  const items =
    data?.[kind] ?? builtInListItems[kind].map((item) => ({ ...item, builtIn: true, active: true }) as ListItem);
  return {
    active: items.filter((item) => item.active),
    label: (code) => listLabel(t, kind, code, data),
    ready: data !== undefined,
  };
}
