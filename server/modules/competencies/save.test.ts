import { and, asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameworkDetail } from '#shared/competencies';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, loggedIn } from '../../../test/support/factories';
import { buildObservation, fourLevelScale } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import { auditLog, competencies, jobProfileExpectations, ratings } from '../../db/schema';
import { api, frameworkBody, frameworkRowCounts } from './test-fixtures';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

async function frameworkOfNewOrganisation() {
  const org = await buildOrganisation(db);
  const { cookie } = await loggedIn(t.app, db, 'admin', org.id);
  const call = api(t.app, cookie);
  const body = frameworkBody();
  const res = await call.post('/competency-frameworks', body);
  expect(res.statusCode, res.body).toBe(201);
  return { orgId: org.id, call, body, framework: res.json() as FrameworkDetail };
}

/** One supervisor observation scoring every competency of the version. */
async function rate(orgId: string, version: FrameworkDetail['current']) {
  const participant = await buildParticipant(db, { organisationId: orgId });
  const scores = Object.fromEntries(version.competencies.map((c) => [c.id, 2]));
  return buildObservation(db, { organisationId: orgId, participantId: participant.id, versionId: version.id, scores });
}

const changedText = (body: ReturnType<typeof frameworkBody>) => ({
  ...body,
  competencies: body.competencies.map((c, i) => (i === 0 ? { ...c, description: 'Een nieuwe uitleg.' } : c)),
});

describe('saving a framework without ratings', () => {
  it('changes the current version in place and keeps the ids of competencies that stay', async () => {
    const { orgId, call, body, framework } = await frameworkOfNewOrganisation();
    const before = framework.current.competencies;
    const next = {
      ...changedText(body),
      name: `${body.name} (nieuw)`,
      // Reordered, one removed, one added: ids follow the keys.
      competencies: [
        { ...body.competencies[2], key: 'zorgvuldigheid' },
        { ...changedText(body).competencies[0], key: 'samenwerken' },
        { ...body.competencies[0], key: 'initiatief', name: 'Initiatief' },
      ],
    };
    const res = await call.put(`/competency-frameworks/${framework.id}`, next);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ newVersion: false, outcome: 'updated' });
    const saved: FrameworkDetail = res.json().framework;
    expect(saved.name).toBe(next.name);
    expect(saved.currentVersion).toBe(1);
    expect(saved.current.id).toBe(framework.current.id);
    const idOf = (list: FrameworkDetail['current']['competencies'], key: string) => list.find((c) => c.key === key)?.id;
    expect(saved.current.competencies.map((c) => c.key)).toEqual(['zorgvuldigheid', 'samenwerken', 'initiatief']);
    expect(saved.current.competencies.map((c) => c.position)).toEqual([0, 1, 2]);
    expect(idOf(saved.current.competencies, 'samenwerken')).toBe(idOf(before, 'samenwerken'));
    expect(idOf(saved.current.competencies, 'zorgvuldigheid')).toBe(idOf(before, 'zorgvuldigheid'));
    expect(saved.current.competencies[1]?.description).toBe('Een nieuwe uitleg.');
    const stored = await db.select().from(competencies).where(eq(competencies.versionId, framework.current.id));
    expect(stored.map((c) => c.key).sort()).toEqual(['initiatief', 'samenwerken', 'zorgvuldigheid']);
    const actions = await db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.targetId, framework.id)))
      .orderBy(asc(auditLog.id));
    expect(actions.at(-1)).toMatchObject({ action: 'competencyFramework.updated', details: { version: 1 } });
  });

  it('may change the number of scale levels in place', async () => {
    const { call, body, framework } = await frameworkOfNewOrganisation();
    const scale = fourLevelScale.slice(0, 3);
    const res = await call.put(`/competency-frameworks/${framework.id}`, {
      ...body,
      scale,
      competencies: body.competencies.map((c) => ({ ...c, indicators: c.indicators.slice(0, 3) })),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().framework.current.scale).toHaveLength(3);
    expect(res.json().newVersion).toBe(false);
  });
});

describe('saving a framework that has ratings', () => {
  it('creates version 2; the old ratings stay on version 1, which stays readable as it was', async () => {
    const { orgId, call, body, framework } = await frameworkOfNewOrganisation();
    const { observation } = await rate(orgId, framework.current);
    const res = await call.put(`/competency-frameworks/${framework.id}`, changedText(body));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ newVersion: true, outcome: 'version_created' });
    const saved: FrameworkDetail = res.json().framework;
    expect(saved.currentVersion).toBe(2);
    expect(saved.current.id).not.toBe(framework.current.id);
    expect(saved.current.competencies.map((c) => c.key)).toEqual(framework.current.competencies.map((c) => c.key));
    // New competency rows with the same keys.
    for (const c of saved.current.competencies) {
      expect(framework.current.competencies.some((old) => old.id === c.id)).toBe(false);
    }
    expect(saved.versions.map((v) => [v.number, v.ratingCount])).toEqual([
      [2, 0],
      [1, 3],
    ]);
    const kept = await db.select().from(ratings).where(eq(ratings.observationId, observation.id));
    expect(kept.every((r) => r.frameworkVersionId === framework.current.id)).toBe(true);
    const old = await call.get(`/competency-framework-versions/${framework.current.id}`);
    expect(old.json().competencies[0].description).toBe(body.competencies[0]?.description);
    expect(old.json().number).toBe(1);
    expect((await call.get('/competency-frameworks/default')).json().id).toBe(saved.current.id);

    // Version 2 has no ratings yet: the next save changes it in place.
    const again = await call.put(`/competency-frameworks/${framework.id}`, { ...changedText(body), name: 'Anders' });
    expect(again.json()).toMatchObject({
      newVersion: false,
      outcome: 'updated',
      framework: { currentVersion: 2, name: 'Anders' },
    });
  });

  it('makes version n+1 for a changed level label, with the new label only in the new version', async () => {
    const { orgId, call, body, framework } = await frameworkOfNewOrganisation();
    await rate(orgId, framework.current);
    const scale = body.scale.map((l) => (l.value === 2 ? { ...l, label: 'Af en toe' } : l));
    const res = await call.put(`/competency-frameworks/${framework.id}`, { ...body, scale });
    expect(res.json()).toMatchObject({
      newVersion: true,
      outcome: 'version_created',
      framework: { currentVersion: 2 },
    });
    expect(res.json().framework.current.scale[1].label).toBe('Af en toe');
    const old = await call.get(`/competency-framework-versions/${framework.current.id}`);
    expect(old.json().scale[1].label).toBe(body.scale[1]?.label);
  });

  it('serialises two saves at once: one new version, not two', async () => {
    const { orgId, call, body, framework } = await frameworkOfNewOrganisation();
    await rate(orgId, framework.current);
    const [a, b] = await Promise.all([
      call.put(`/competency-frameworks/${framework.id}`, changedText(body)),
      call.put(`/competency-frameworks/${framework.id}`, { ...changedText(body), description: 'Tweede' }),
    ]);
    expect([a?.statusCode, b?.statusCode]).toEqual([200, 200]);
    expect([a?.json().newVersion, b?.json().newVersion].sort()).toEqual([false, true]);
    const detail = (await call.get(`/competency-frameworks/${framework.id}`)).json();
    expect(detail.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
  });
});

/** The body as a form might send it again: every text with spaces and line breaks around it. */
const padded = (body: ReturnType<typeof frameworkBody>) => ({
  ...body,
  name: `  ${body.name} `,
  description: `${body.description}\n`,
  scale: body.scale.map((l) => ({ ...l, label: ` ${l.label}`, meaning: `${l.meaning}  ` })),
  competencies: body.competencies.map((c) => ({
    ...c,
    name: `${c.name} `,
    description: `\n${c.description}`,
    indicators: c.indicators.map((i) => `  ${i}\r\n`),
  })),
});

describe('saving what is already stored', () => {
  for (const rated of [true, false]) {
    const which = rated ? 'a rated version' : 'a version without ratings';

    it(`keeps ${which} and writes nothing when nothing changed`, async () => {
      const { orgId, call, body, framework } = await frameworkOfNewOrganisation();
      if (rated) await rate(orgId, framework.current);
      const before = await frameworkRowCounts(db, orgId);
      for (const again of [body, padded(body)]) {
        const res = await call.put(`/competency-frameworks/${framework.id}`, again);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ newVersion: false, outcome: 'unchanged' });
        const saved: FrameworkDetail = res.json().framework;
        expect(saved.current.id).toBe(framework.current.id);
        expect(saved.versions).toHaveLength(1);
        expect(saved.current.competencies.map((c) => c.id)).toEqual(framework.current.competencies.map((c) => c.id));
      }
      // No row written, not even an audit entry: there was nothing to record.
      expect(await frameworkRowCounts(db, orgId)).toEqual(before);
    });
  }

  it("renames a rated framework without a new version: the name is the framework's, not the version's", async () => {
    const { orgId, call, body, framework } = await frameworkOfNewOrganisation();
    await rate(orgId, framework.current);
    const res = await call.put(`/competency-frameworks/${framework.id}`, {
      ...padded(body),
      name: 'Nieuwe naam',
      description: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      newVersion: false,
      outcome: 'updated',
      framework: { name: 'Nieuwe naam', description: null, currentVersion: 1 },
    });
    expect(res.json().framework.current.id).toBe(framework.current.id);
    const [last] = await db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.targetId, framework.id)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(last).toMatchObject({ action: 'competencyFramework.updated', details: { contentChanged: false } });
  });
});

describe('scale changes and job profiles', () => {
  it('refuses a scale below what a job profile expects (400 on scale), storing nothing', async () => {
    const { orgId, call, body, framework } = await frameworkOfNewOrganisation();
    const profile = await call.post('/job-profiles', {
      frameworkId: framework.id,
      name: 'Meestergast',
      ladderStep: 3,
      workMode: 'inzichtelijk',
      expectations: [{ competencyKey: 'samenwerken', level: 4 }],
    });
    expect(profile.statusCode, profile.body).toBe(201);
    const before = await frameworkRowCounts(db, orgId);
    const res = await call.put(`/competency-frameworks/${framework.id}`, {
      ...body,
      scale: fourLevelScale.slice(0, 3),
      competencies: body.competencies.map((c) => ({ ...c, indicators: c.indicators.slice(0, 3) })),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual({ scale: 'below_job_profile_expectations' });
    expect(res.json().error.message).toContain('Meestergast');
    expect(await frameworkRowCounts(db, orgId)).toEqual(before);
  });

  it('drops the expectations of a competency that was removed', async () => {
    const { call, body, framework } = await frameworkOfNewOrganisation();
    const profile = (
      await call.post('/job-profiles', {
        frameworkId: framework.id,
        name: 'Arbeider',
        ladderStep: 1,
        workMode: 'uitvoerend',
        expectations: [
          { competencyKey: 'samenwerken', level: 2 },
          { competencyKey: 'stiptheid', level: 3 },
        ],
      })
    ).json();
    const res = await call.put(`/competency-frameworks/${framework.id}`, {
      ...body,
      competencies: body.competencies.filter((c) => c.key !== 'stiptheid'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const left = await db
      .select({ key: jobProfileExpectations.competencyKey })
      .from(jobProfileExpectations)
      .where(eq(jobProfileExpectations.jobProfileId, profile.id));
    expect(left).toEqual([{ key: 'samenwerken' }]);
  });
});
