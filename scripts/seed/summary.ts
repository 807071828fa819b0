import type { Dataset } from './records';

/** Row counts per table and participants per status: what `npm run seed` prints and the tests check. */
export function summarise(dataset: Dataset, loaded: Record<string, number> = {}) {
  const statuses: Record<string, number> = {};
  for (const p of dataset.participants)
    statuses[p.status ?? 'registered'] = (statuses[p.status ?? 'registered'] ?? 0) + 1;
  const roles: Record<string, number> = {};
  for (const u of dataset.users) roles[u.role] = (roles[u.role] ?? 0) + 1;
  return {
    tables: Object.fromEntries(Object.entries(dataset).map(([table, rows]) => [table, (rows as unknown[]).length])),
    statuses,
    archived: dataset.participants.filter((p) => p.archivedAt).length,
    roles,
    /** The history tables as the loader wrote them (they are never held whole): empty before loading. */
    history: Object.fromEntries(Object.entries(loaded).filter(([table]) => historyTables.includes(table))),
  };
}

const historyTables = [
  'mentor_invitations',
  'observations',
  'ratings',
  'latest_ratings',
  'feedback_conversations',
  'skill_levels',
  'skill_levels_current',
  'development_plan_versions',
  'development_plan_action_progress',
  'development_plan_goal_notes',
  'development_plan_proposals',
  'development_plan_presentations',
];

export function formatSummary(dataset: Dataset, loaded: Record<string, number> = {}): string {
  const s = summarise(dataset, loaded);
  const pairs = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
      .join(', ');
  return [
    `  rows:         ${pairs(s.tables)}`,
    ...(Object.keys(s.history).length ? [`  history:      ${pairs(s.history)}`] : []),
    `  participants: ${pairs(s.statuses)}; archived ${s.archived.toLocaleString('en')}`,
    `  accounts:     ${pairs(s.roles)}`,
  ].join('\n');
}
