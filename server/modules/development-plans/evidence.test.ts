import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildParticipant } from '../../../test/support/factories';
import { buildFrameworkVersion, buildObservation, fourLevelScale } from '../../../test/support/factories-competencies';
import { buildPopWorkplace, planContentFixture } from '../../../test/support/factories-development-plans';
import { buildSkill, buildSkillLevel } from '../../../test/support/factories-iluo';
import type { Db } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { assignJobProfiles, buildJobProfile } from '../competency-profile/test-fixtures';
import { candidatesOf, evidenceFor, liveEvidence, loadEvidencePool, referencedBy } from './evidence';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

describe('live evidence of a POP', () => {
  it('reads the latest score per rater kind, the expected levels and the ILUO levels', async () => {
    const w = await buildPopWorkplace(t.app, db);
    const id = (key: string) => w.framework.competencies.find((c) => c.key === key)?.id as string;
    const { id: participantId, teamId } = w.participant;
    const base = { organisationId: w.orgId, participantId, versionId: w.framework.version.id };
    await buildObservation(db, {
      ...base,
      raterKind: 'supervisor',
      observedOn: '2025-01-10',
      scores: { [id('samenwerken')]: 1 },
    });
    await buildObservation(db, {
      ...base,
      raterKind: 'supervisor',
      observedOn: '2025-02-10',
      scores: { [id('samenwerken')]: 3 },
    });
    await buildObservation(db, {
      ...base,
      raterKind: 'self',
      observedOn: '2025-02-11',
      scores: { [id('samenwerken')]: 4 },
    });
    const current = await buildJobProfile(db, {
      organisationId: w.orgId,
      frameworkId: w.framework.framework.id,
      name: 'Arbeider',
      expectations: { samenwerken: 2, stiptheid: 3 },
    });
    const target = await buildJobProfile(db, {
      organisationId: w.orgId,
      frameworkId: w.framework.framework.id,
      name: 'Hulpmeestergast',
      expectations: { samenwerken: 4 },
    });
    await assignJobProfiles(db, {
      organisationId: w.orgId,
      participantId,
      currentProfileId: current.id,
      targetProfileId: target.id,
    });
    const [bosmaaier, haag] = w.skills as [(typeof w.skills)[0], (typeof w.skills)[0]];
    await buildSkillLevel(db, {
      organisationId: w.orgId,
      skillId: bosmaaier.id,
      participantId,
      level: 2,
      assessedOn: '2025-01-05',
    });
    await buildSkillLevel(db, {
      organisationId: w.orgId,
      skillId: bosmaaier.id,
      participantId,
      level: 3,
      assessedOn: '2025-04-05',
    });
    // A skill of another team they were assessed on is a candidate; an archived one and a stranger's are not.
    const elsewhere = await buildSkill(db, { organisationId: w.orgId, name: 'Heftruck' });
    await buildSkillLevel(db, { organisationId: w.orgId, skillId: elsewhere.id, participantId, level: 1 });
    const archived = await buildSkill(db, { organisationId: w.orgId, teamId: w.team.id, archived: true });
    await buildSkill(db, { organisationId: w.orgId, name: 'Niet van mij' });
    // Another participant's scores never leak in.
    const other = await buildParticipant(db, { organisationId: w.orgId, teamId: w.team.id });
    await buildObservation(db, { ...base, participantId: other.id, scores: { [id('stiptheid')]: 4 } });

    const pool = await withTenant(db, w.orgId, (tx) => loadEvidencePool(tx, { id: participantId, teamId }));
    const candidates = candidatesOf(pool);
    expect(candidates.competencies.map((c) => c.key)).toEqual(['samenwerken', 'stiptheid', 'zorgvuldigheid']);
    expect(candidates.competencies[0]).toEqual({
      key: 'samenwerken',
      name: 'samenwerken',
      latest: { supervisor: { score: 3, on: '2025-02-10' }, self: { score: 4, on: '2025-02-11' } },
      scaleMax: 4,
      currentExpected: 2,
      targetExpected: 4,
    });
    expect(candidates.competencies[1]).toMatchObject({
      key: 'stiptheid',
      latest: {},
      currentExpected: 3,
      targetExpected: null,
    });
    expect(candidates.skills.map((s) => s.name).sort()).toEqual(['Bosmaaier', 'Haag snoeien', 'Heftruck']);
    expect(candidates.skills.find((s) => s.id === bosmaaier.id)).toEqual({
      id: bosmaaier.id,
      name: 'Bosmaaier',
      group: 'Machines',
      team: w.team.name,
      level: 3,
      on: '2025-04-05',
    });
    expect(candidates.skills.find((s) => s.id === haag.id)).toMatchObject({ group: null, level: null, on: null });

    // A plan's evidence: only what it names, and a named archived skill still shows.
    const content = planContentFixture({
      competencies: {
        genericCurrent: ['stiptheid'],
        genericFuture: [],
        technicalCurrent: [archived.id],
        technicalFuture: [],
      },
    });
    content.goals[0]?.competencyKeys.push('samenwerken');
    expect(referencedBy(content)).toEqual({ competencyKeys: ['stiptheid', 'samenwerken'], skillIds: [archived.id] });
    const live = await withTenant(db, w.orgId, (tx) => liveEvidence(tx, { id: participantId, teamId }, content));
    expect(live.competencies.map((c) => c.key)).toEqual(['samenwerken', 'stiptheid']);
    expect(live.skills.map((s) => s.id)).toEqual([archived.id]);
    expect(evidenceFor(pool, content).skills).toEqual([]);
  });

  it('follows the framework: a new version changes the candidates and the scale', async () => {
    const w = await buildPopWorkplace(t.app, db);
    const id = w.framework.competencies.find((c) => c.key === 'samenwerken')?.id as string;
    const { id: participantId, teamId } = w.participant;
    await buildObservation(db, {
      organisationId: w.orgId,
      participantId,
      versionId: w.framework.version.id,
      scores: { [id]: 2 },
    });
    await buildFrameworkVersion(db, {
      organisationId: w.orgId,
      frameworkId: w.framework.framework.id,
      number: 2,
      scale: [...fourLevelScale, { value: 5, label: 'Meester', meaning: 'Ik leer het anderen.', pictogram: 'star' }],
      keys: ['stiptheid', 'initiatief'],
    });
    const pool = await withTenant(db, w.orgId, (tx) => loadEvidencePool(tx, { id: participantId, teamId }));
    expect(candidatesOf(pool).competencies.map((c) => [c.key, c.scaleMax])).toEqual([
      ['stiptheid', 5],
      ['initiatief', 5],
    ]);
    // A key the framework dropped is kept for plans that name it, with its score on the scale it was given on.
    expect(pool.competencies.get('samenwerken')).toMatchObject({ latest: { supervisor: { score: 2 } }, scaleMax: 4 });
  });

  it('is empty, not an error, without a framework, team or ratings', async () => {
    const p = await buildParticipant(db, { teamId: null });
    const pool = await withTenant(db, p.organisationId, (tx) => loadEvidencePool(tx, { id: p.id, teamId: null }));
    expect(candidatesOf(pool)).toEqual({ competencies: [], skills: [], asOf: pool.asOf });
  });
});
