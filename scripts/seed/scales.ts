/**
 * The named sizes of generated data. Later capabilities (ratings, ILUO, POPs) generate their records for the
 * participants and staff of the same scale, so one name means one comparable data set for every benchmark.
 */
export interface Scale {
  name: string;
  organisations: number;
  /** Participants over all organisations together; spread unevenly, as real workplaces differ in size. */
  participants: number;
  /** How far back intakes go from the reference date. */
  years: number;
  /** Sites per organisation, inclusive range. */
  sites: readonly [number, number];
  /** Teams per site, inclusive range. */
  teamsPerSite: readonly [number, number];
  /** About one coach for this many participants (current and past). */
  participantsPerCoach: number;
}

export const scales = {
  workplace: {
    name: 'workplace',
    organisations: 1,
    participants: 300,
    years: 5,
    sites: [2, 2],
    teamsPerSite: [2, 3],
    participantsPerCoach: 40,
  },
  umbrella: {
    name: 'umbrella',
    organisations: 20,
    participants: 20_000,
    years: 5,
    sites: [1, 4],
    teamsPerSite: [2, 4],
    participantsPerCoach: 40,
  },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof scales;
export const scaleNames = Object.keys(scales) as ScaleName[];

/**
 * The reference date generated histories end on. A constant, so the same seed gives the same data on any day;
 * it lies in the past, so new events recorded today (the benchmark's writes) come after every generated one.
 */
export const DEFAULT_REFERENCE_DATE = '2026-06-30';

/** The password of every generated account: hashed once per load, printed by `npm run demo`. */
export const DEMO_PASSWORD = 'groeipad-demo-2026';
