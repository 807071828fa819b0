import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompetencyEvolution } from '#shared/competency-profile';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, loggedIn } from '../../../test/support/factories';
import { buildFramework, buildObservation } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import { ratedParticipant, setVersionStart } from './test-fixtures';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const evolutionOf = (cookie: string, participantId: string, query = '') =>
  t.app.inject({
    method: 'GET',
    url: `/api/v1/participants/${participantId}/competency-evolution${query}`,
    headers: { cookie },
  });

describe('GET /participants/:id/competency-evolution', () => {
  it('gives per competency and rater kind the scores in date order, with their version and the version starts', async () => {
    const s = await ratedParticipant(t.app, db);
    await setVersionStart(db, s.v1.id, '2024-12-01T09:00:00Z');
    await setVersionStart(db, s.v2.id, '2025-02-28T23:30:00Z');
    const res = await evolutionOf(s.coachCookie, s.participant.id);
    expect(res.statusCode, res.body).toBe(200);
    const evolution: CompetencyEvolution = res.json();
    expect(evolution.framework).toMatchObject({ id: s.framework.id, versionNumber: 2 });
    // Current competencies first, then the one only version 1 had.
    expect(evolution.competencies).toEqual([
      { key: 'samenwerken', name: 'samenwerken', inCurrentVersion: true },
      { key: 'stiptheid', name: 'stiptheid', inCurrentVersion: true },
      { key: 'veilig_werken', name: 'veilig werken', inCurrentVersion: true },
      { key: 'zorgvuldigheid', name: 'zorgvuldigheid', inCurrentVersion: false },
    ]);
    // The start of version 2 is a day in Belgium (UTC+1 in winter): 23:30 UTC is already 1 March.
    expect(evolution.versions).toEqual([
      { number: 1, startedOn: '2024-12-01' },
      { number: 2, startedOn: '2025-03-01' },
    ]);
    const series = (key: string, rater: string) =>
      evolution.series.find((x) => x.competencyKey === key && x.raterKind === rater)?.points;
    expect(series('samenwerken', 'supervisor')).toEqual([
      { observedOn: '2025-01-10', score: 2, versionNumber: 1 },
      { observedOn: '2025-03-10', score: 3, versionNumber: 2 },
    ]);
    expect(series('samenwerken', 'self')).toEqual([{ observedOn: '2025-03-11', score: 1, versionNumber: 2 }]);
    expect(series('samenwerken', 'coach')).toEqual([{ observedOn: '2025-03-12', score: 1, versionNumber: 2 }]);
    expect(series('samenwerken', 'mentor')).toEqual([{ observedOn: '2025-03-13', score: 4, versionNumber: 2 }]);
    expect(series('zorgvuldigheid', 'supervisor')).toEqual([{ observedOn: '2025-01-10', score: 1, versionNumber: 1 }]);
    // Only series with points, in the competencies' order and the rater kinds' order.
    expect(evolution.series.map((x) => `${x.competencyKey}/${x.raterKind}`)).toEqual([
      'samenwerken/supervisor',
      'samenwerken/coach',
      'samenwerken/mentor',
      'samenwerken/self',
      'stiptheid/supervisor',
      'stiptheid/self',
      'veilig_werken/coach',
      'zorgvuldigheid/supervisor',
    ]);
  });

  it('keeps to the period asked for, both ends included', async () => {
    const s = await ratedParticipant(t.app, db);
    const res = await evolutionOf(s.coachCookie, s.participant.id, '?from=2025-03-10&to=2025-03-12');
    expect(res.statusCode, res.body).toBe(200);
    const dates = (res.json() as CompetencyEvolution).series.flatMap((x) => x.points.map((p) => p.observedOn));
    expect([...new Set(dates)].sort()).toEqual(['2025-03-10', '2025-03-11', '2025-03-12']);
  });

  it('refuses a period that ends before it starts, and dates that are not dates, on the field', async () => {
    const s = await ratedParticipant(t.app, db);
    const backwards = await evolutionOf(s.coachCookie, s.participant.id, '?from=2025-03-10&to=2025-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toHaveProperty('to');
    const bad = await evolutionOf(s.coachCookie, s.participant.id, '?from=2025-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('from');
    const unknown = await evolutionOf(s.coachCookie, s.participant.id, '?rater=self');
    expect(unknown.statusCode).toBe(400);
  });

  it('leaves out the ratings of a framework that is not the default one', async () => {
    const s = await ratedParticipant(t.app, db);
    const other = await buildFramework(db, {
      organisationId: s.organisationId,
      isDefault: false,
      keys: ['samenwerken', 'rijvaardigheid'],
    });
    await buildObservation(db, {
      organisationId: s.organisationId,
      participantId: s.participant.id,
      versionId: other.version.id,
      observedOn: '2025-04-01',
      scores: Object.fromEntries(other.competencies.map((c) => [c.id, 4])),
    });
    const evolution: CompetencyEvolution = (await evolutionOf(s.coachCookie, s.participant.id)).json();
    expect(evolution.competencies.map((c) => c.key)).not.toContain('rijvaardigheid');
    expect(evolution.series.flatMap((x) => x.points).map((p) => p.observedOn)).not.toContain('2025-04-01');
  });

  it('is audited as a read of the dossier, and reached like it', async () => {
    const s = await ratedParticipant(t.app, db);
    expect((await evolutionOf(s.selfCookie, s.participant.id, '?from=2025-01-01')).statusCode).toBe(200);
    const rows = await db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.actorId, s.participant.userId as string), eq(auditLog.action, 'competency.evolution.read')),
      );
    expect(rows).toMatchObject([
      { targetType: 'participant', targetId: s.participant.id, details: { from: '2025-01-01', to: null } },
    ]);
    expect((await evolutionOf(s.supervisorCookie, s.participant.id)).statusCode).toBe(200);
    expect((await evolutionOf((await s.as('coach')).cookie, s.participant.id)).statusCode).toBe(404);
    expect((await evolutionOf((await s.as('trainer')).cookie, s.participant.id)).statusCode).toBe(403);
    const stranger = await buildParticipant(db, { organisationId: s.organisationId });
    expect((await evolutionOf(s.selfCookie, stranger.id)).statusCode).toBe(404);
    const foreign = await loggedIn(t.app, db, 'admin', (await buildOrganisation(db)).id);
    expect((await evolutionOf(foreign.cookie, s.participant.id)).statusCode).toBe(404);
  });
});
