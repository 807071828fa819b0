/** URL search parameters of the POP routes; kept apart from the pages so the router does not load them eagerly. */
export const planTabs = ['afgesproken', 'ontwerp', 'versies'] as const;
export type PlanTab = (typeof planTabs)[number];

/** /deelnemers/$id/pop?tab=ontwerp: the open tab survives a reload. */
export const parsePlanSearch = (search: Record<string, unknown>): { tab?: PlanTab } => {
  const tab = planTabs.find((t) => t === search.tab);
  return tab ? { tab } : {};
};

/** /deelnemers/$id/pop/presentatie?versie=3: that version; without it, the agreed version in force. */
export const parsePresentationSearch = (search: Record<string, unknown>): { versie?: number } => {
  const n = Number(search.versie);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? { versie: n } : {};
};
