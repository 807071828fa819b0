import { and, eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetencyProfile } from '#shared/competency-profile';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, loggedIn } from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import { ratedParticipant } from './test-fixtures';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string | undefined, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, ...(cookie ? { cookie } : {}) } });

const profileOf = (cookie: string, participantId: string) =>
  call(cookie, { method: 'GET', url: `/api/v1/participants/${participantId}/competency-profile` });

describe('GET /participants/:id/competency-profile', () => {
  it("shows the current version's competencies with each rater kind's latest score apart, never averaged", async () => {
    const s = await ratedParticipant(t.app, db);
    const res = await profileOf(s.coachCookie, s.participant.id);
    expect(res.statusCode, res.body).toBe(200);
    const profile: CompetencyProfile = res.json();
    expect(profile.framework).toEqual({
      id: s.framework.id,
      name: '11 kerncompetenties',
      versionId: s.v2.id,
      versionNumber: 2,
    });
    expect(profile.scale.map((l) => l.value)).toEqual([1, 2, 3, 4]);
    // Version 2's competencies in their order: the dropped one is gone, the new one is there.
    expect(profile.competencies.map((c) => c.key)).toEqual(['samenwerken', 'stiptheid', 'veilig_werken']);
    const [samenwerken, stiptheid, veiligWerken] = profile.competencies;
    expect(samenwerken?.latest).toEqual({
      supervisor: { score: 3, observedOn: '2025-03-10', versionNumber: 2 },
      coach: { score: 1, observedOn: '2025-03-12', versionNumber: 2 },
      mentor: { score: 4, observedOn: '2025-03-13', versionNumber: 2 },
      self: { score: 1, observedOn: '2025-03-11', versionNumber: 2 },
    });
    // Not rescored since version 1: shown with the version it was given in.
    expect(stiptheid?.latest.supervisor).toEqual({ score: 3, observedOn: '2025-01-10', versionNumber: 1 });
    expect(stiptheid?.latest.self).toEqual({ score: 4, observedOn: '2025-03-11', versionNumber: 2 });
    expect(veiligWerken?.latest).toEqual({
      supervisor: null,
      coach: { score: 2, observedOn: '2025-03-12', versionNumber: 2 },
      mentor: null,
      self: null,
    });
  });

  it('gives the expected level of the current and the target job profile, and the gaps with their reasons', async () => {
    const s = await ratedParticipant(t.app, db);
    const profile: CompetencyProfile = (await profileOf(s.coachCookie, s.participant.id)).json();
    expect(profile.jobProfiles).toEqual({
      current: { id: s.current.id, name: 'Arbeider', ladderStep: 1, workMode: 'uitvoerend' },
      target: { id: s.target.id, name: 'Hulpmeestergast', ladderStep: 1, workMode: 'uitvoerend' },
    });
    expect(profile.competencies.map((c) => [c.key, c.expected])).toEqual([
      ['samenwerken', { current: 2, target: 4 }],
      ['stiptheid', { current: 3, target: null }],
      ['veilig_werken', { current: 3, target: null }],
    ]);
    expect(profile.gaps).toEqual([
      { competencyKey: 'samenwerken', reason: 'below_target', rater: 'supervisor', score: 3, expected: 4 },
      { competencyKey: 'samenwerken', reason: 'self_lower', selfScore: 1, supervisorScore: 3 },
      { competencyKey: 'veilig_werken', reason: 'below_current', rater: 'coach', score: 2, expected: 3 },
    ]);
  });

  it('records the read in the audit log, like a dossier read, without scores', async () => {
    const s = await ratedParticipant(t.app, db);
    const { cookie, user: manager } = await s.as('manager');
    expect((await profileOf(cookie, s.participant.id)).statusCode).toBe(200);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, manager.id), eq(auditLog.targetId, s.participant.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'competency.profile.read', targetType: 'participant', details: null });
  });

  it('lets the participant read their own profile, but nobody else’s', async () => {
    const s = await ratedParticipant(t.app, db);
    const own = await profileOf(s.selfCookie, s.participant.id);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().competencies[0].latest.self).toMatchObject({ score: 1 });
    const other = await buildParticipant(db, { organisationId: s.organisationId });
    const res = await profileOf(s.selfCookie, other.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('reaches the dossier as participant.read does: related staff, admin and manager; 404 for the rest', async () => {
    const s = await ratedParticipant(t.app, db);
    expect((await profileOf(s.supervisorCookie, s.participant.id)).statusCode).toBe(200);
    expect((await profileOf((await s.as('admin')).cookie, s.participant.id)).statusCode).toBe(200);
    // A coach without this participant in the caseload, a supervisor of another team.
    expect((await profileOf((await s.as('coach')).cookie, s.participant.id)).statusCode).toBe(404);
    expect((await profileOf((await s.as('supervisor')).cookie, s.participant.id)).statusCode).toBe(404);
    expect((await profileOf((await s.as('trainer')).cookie, s.participant.id)).statusCode).toBe(403);
    expect(
      (await call(undefined, { method: 'GET', url: `/api/v1/participants/${s.participant.id}/competency-profile` }))
        .statusCode,
    ).toBe(401);
    const foreign = await loggedIn(t.app, db, 'admin', (await buildOrganisation(db)).id);
    const res = await profileOf(foreign.cookie, s.participant.id);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('samenwerken');
  });

  it('answers an organisation without a default framework with an empty picture, not an error', async () => {
    const org = await buildOrganisation(db);
    const p = await buildParticipant(db, { organisationId: org.id });
    const { cookie } = await loggedIn(t.app, db, 'admin', org.id);
    const res = await profileOf(cookie, p.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      participantId: p.id,
      framework: null,
      scale: [],
      jobProfiles: { current: null, target: null },
      competencies: [],
      gaps: [],
    });
  });

  it('refuses a malformed id with a field error', async () => {
    const { cookie } = await loggedIn(t.app, db, 'admin');
    const res = await profileOf(cookie, 'niet-een-id');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('id');
  });
});

describe('OpenAPI', () => {
  it('documents the profile, the evolution and the heat map with their response schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json().paths;
    for (const path of [
      '/api/v1/participants/{id}/competency-profile',
      '/api/v1/participants/{id}/competency-evolution',
      '/api/v1/teams/{id}/competency-heatmap',
    ]) {
      expect(paths[path]?.get?.responses?.['200'], path).toBeDefined();
    }
    expect(JSON.stringify(paths['/api/v1/participants/{id}/competency-profile'])).toContain('self_higher');
  });
});
