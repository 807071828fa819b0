import { addDays, daysBetween, type Random, stableId, timestampOn } from '../random';
import type { SkillLevelCurrentRecord, SkillLevelRecord, SkillRecord, TeamRecord } from '../records';
import type { TeamStint } from './periods';
import { skillCatalogue } from './skill-catalogue';

/**
 * The ILUO matrix of each team: forty tasks in five groups, about one in six critical, and per person a history
 * that climbs I → L → U → O (1 → 4) while they work in the team, assessed by the team's supervisor. Supervisors are
 * in the matrix too, mostly at U and O, assessed by a manager.
 */

export function skillRecords(seed: number | string, random: Random, team: TeamRecord): SkillRecord[] {
  const groups = skillCatalogue[team.workDomain ?? ''] ?? skillCatalogue.industrie ?? {};
  const names = Object.entries(groups).flatMap(([groupName, tasks]) => tasks.map((name) => ({ groupName, name })));
  return names.map((s, position) => ({
    id: stableId(seed, 'skill', team.id, position),
    organisationId: team.organisationId,
    teamId: team.id,
    groupName: s.groupName,
    name: s.name,
    description: null,
    critical: random.chance(0.17),
    position,
    createdAt: team.createdAt,
  }));
}

/** The newest level per skill × person: by assessed_on, then by created_at. */
export function deriveCurrentLevels(levels: readonly SkillLevelRecord[]): SkillLevelCurrentRecord[] {
  const current = new Map<string, SkillLevelRecord>();
  for (const l of levels) {
    const key = `${l.skillId}|${l.participantId ?? l.userId}`;
    const seen = current.get(key);
    if (
      !seen ||
      l.assessedOn > seen.assessedOn ||
      (l.assessedOn === seen.assessedOn && l.createdAt.getTime() > seen.createdAt.getTime())
    ) {
      current.set(key, l);
    }
  }
  return [...current.values()].map((l) => ({
    organisationId: l.organisationId,
    skillId: l.skillId,
    subject: (l.participantId ?? l.userId) as string,
    participantId: l.participantId ?? null,
    userId: l.userId ?? null,
    level: l.level,
    assessedOn: l.assessedOn,
    skillLevelId: l.id,
    levelCreatedAt: l.createdAt,
    assessorId: l.assessorId,
  }));
}

// biome-ignore format: word list
const levelNotes = ['Samen geoefend.', 'Lukt nu zonder hulp.', 'Kan het aan een nieuwe collega tonen.', 'Nog een keer tonen.', 'Na de opleiding.'];

/**
 * One person's climb on a set of skills between `from` and `to`: a first level (mostly I) some days in, then one
 * step up every one to six months, ever less likely to go on, never past `to`.
 */
function climb(
  random: Random,
  skills: readonly SkillRecord[],
  from: string,
  start: readonly (readonly [number, number])[],
  /** The day an assessment planned for `on` can take place (the person at work), or null when it is too late. */
  place: (on: string) => string | null,
  emit: (skill: SkillRecord, level: number, on: string) => void,
) {
  for (const skill of skills) {
    let level = random.weighted(start);
    let on = place(addDays(from, random.int(5, 60)));
    if (!on) continue;
    emit(skill, level, on);
    while (level < 4 && random.chance(level === 1 ? 0.85 : level === 2 ? 0.7 : 0.3)) {
      on = place(addDays(on, random.int(30, 180)));
      if (!on) break;
      level++;
      emit(skill, level, on);
    }
  }
}

/** The levels a participant reached in each team they worked in, assessed by that team's supervisors. */
export function participantSkillLevels(
  seed: number | string,
  random: Random,
  input: {
    organisationId: string;
    participantId: string;
    stints: readonly TeamStint[];
    skillsOf: ReadonlyMap<string, readonly SkillRecord[]>;
    supervisorsOf: ReadonlyMap<string, readonly string[]>;
  },
): SkillLevelRecord[] {
  const levels: SkillLevelRecord[] = [];
  // Stints in one team after a pause continue the same climb: one set of skills per team, its days added up.
  const byTeam = new Map<string, TeamStint[]>();
  for (const s of input.stints) byTeam.set(s.teamId, [...(byTeam.get(s.teamId) ?? []), s]);
  for (const [teamId, stints] of byTeam) {
    const skills = input.skillsOf.get(teamId) ?? [];
    const supervisors = input.supervisorsOf.get(teamId) ?? [];
    if (!skills.length || !supervisors.length) continue;
    const days = stints.reduce((sum, s) => sum + daysBetween(s.from, s.to), 0);
    const count = Math.max(3, Math.min(24, Math.round(days / 35)));
    // A day in a pause moves to the first day back.
    const place = (on: string) => {
      const stint = stints.find((s) => on <= s.to);
      if (!stint) return null;
      return on < stint.from ? stint.from : on;
    };
    climb(
      random,
      random.sample(skills, count),
      (stints[0] as TeamStint).from,
      [
        [1, 80],
        [2, 20],
      ],
      place,
      (skill, level, on) => {
        levels.push({
          id: stableId(seed, 'skill-level', input.participantId, skill.id, level),
          organisationId: input.organisationId,
          skillId: skill.id,
          participantId: input.participantId,
          userId: null,
          level,
          assessedOn: on,
          assessorId: random.pick(supervisors),
          note: random.chance(0.1) ? random.pick(levelNotes) : null,
          createdAt: timestampOn(on, random.int(60, 480)),
        });
      },
    );
  }
  return levels;
}

/** Supervisors are in their team's matrix (a second one mostly): many skills at U or O, a few still climbing. */
export function staffSkillLevels(
  seed: number | string,
  random: Random,
  input: {
    organisationId: string;
    teamId: string;
    supervisorIds: readonly string[];
    assessorId: string;
    skills: readonly SkillRecord[];
    from: string;
    to: string;
  },
): SkillLevelRecord[] {
  const levels: SkillLevelRecord[] = [];
  input.supervisorIds.forEach((userId, i) => {
    if (i > 0 && !random.chance(0.8)) return;
    climb(
      random,
      random.sample(input.skills, random.int(20, 34)),
      input.from,
      [
        [2, 15],
        [3, 60],
        [4, 25],
      ],
      (on) => (on <= input.to ? on : null),
      (skill, level, on) =>
        levels.push({
          id: stableId(seed, 'skill-level', userId, skill.id, level),
          organisationId: input.organisationId,
          skillId: skill.id,
          participantId: null,
          userId,
          level,
          assessedOn: on,
          assessorId: input.assessorId,
          note: null,
          createdAt: timestampOn(on, random.int(60, 480)),
        }),
    );
  });
  return levels;
}
