/**
 * The four ILUO levels and their built-in words, without zod: the portal's first load names levels (the pathway
 * map's readiness) and must not pull the schemas in. shared/iluo.ts re-exports all of it.
 * I = in training, L = can do it with help, U = can do it alone, O = can train others.
 */

export const iluoLevels = [1, 2, 3, 4] as const;
export type IluoLevel = (typeof iluoLevels)[number];
export const iluoLetters = { 1: 'I', 2: 'L', 3: 'U', 4: 'O' } as const satisfies Record<IluoLevel, string>;
export type IluoLetter = (typeof iluoLetters)[IluoLevel];

/** Coverage counts the people who can do a task alone: U or O. */
export const COVERAGE_LEVEL = 3;
/** I and L: people still learning the task, the team's training needs. */
export const isTrainingNeed = (level: number) => level < COVERAGE_LEVEL;

/** The words an organisation that never changed them sees (B1 Dutch). */
export const builtInIluoLabels: readonly { level: IluoLevel; label: string; meaning: string }[] = [
  { level: 1, label: 'In opleiding', meaning: 'Leert deze taak nog. Werkt samen met iemand die het kan.' },
  { level: 2, label: 'Lukt met hulp', meaning: 'Doet deze taak, maar heeft nog hulp of controle nodig.' },
  { level: 3, label: 'Lukt alleen', meaning: 'Doet deze taak alleen, goed en veilig.' },
  { level: 4, label: 'Kan het anderen leren', meaning: 'Doet deze taak alleen en kan ze aan anderen leren.' },
];
