import { and, eq, gt, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanOverview } from '#shared/development-plans';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  buildAgreedPlan,
  buildDraft,
  buildPopWorkplace,
  noEvidence,
  planContentFixture,
} from '../../../test/support/factories-development-plans';
import type { Db } from '../../db/client';
import { auditLog, developmentPlanActionProgress } from '../../db/schema';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });
const read = (cookie: string, participantId: string) =>
  call(cookie, { method: 'GET', url: `/api/v1/participants/${participantId}/pop` });

async function lastAuditId() {
  return (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]?.max ?? 0;
}

describe('GET /participants/:id/pop', () => {
  it('shows a participant without a POP: nothing agreed, no plan yet, everything to choose from', async () => {
    const w = await buildPopWorkplace(t.app, db);
    const res = await read(w.coach.cookie, w.participant.id);
    expect(res.statusCode).toBe(200);
    const view = res.json<PlanOverview>();
    expect(view).toMatchObject({
      participant: { id: w.participant.id, name: 'Sam Peeters' },
      current: null,
      draft: null,
      versions: [],
      actionProgress: [],
      goalNotes: [],
      proposals: [],
      presentations: [],
    });
    // Started 2024-01-15 by the factory and no POP since.
    expect(view.compliance.reasons.map((r) => r.code)).toContain('no_plan');
    expect(view.candidates.competencies.map((c) => c.key)).toEqual(['samenwerken', 'stiptheid', 'zorgvuldigheid']);
    expect(view.candidates.skills.map((s) => s.name).sort()).toEqual(['Bosmaaier', 'Haag snoeien']);
  });

  it('shows the agreed version with its frozen evidence, the draft with live evidence, and the follow-up', async () => {
    const w = await buildPopWorkplace(t.app, db);
    const agreedContent = planContentFixture({
      competencies: { genericCurrent: [], genericFuture: [], technicalCurrent: [], technicalFuture: [] },
    });
    const frozen = {
      ...noEvidence('2025-01-01T10:00:00.000Z'),
      competencies: [
        {
          key: 'samenwerken',
          name: 'Samenwerken',
          latest: { supervisor: { score: 1, on: '2024-12-01' } },
          scaleMax: 4,
          currentExpected: null,
          targetExpected: null,
        },
      ],
    };
    await buildAgreedPlan(db, {
      organisationId: w.orgId,
      participantId: w.participant.id,
      content: agreedContent,
      evidence: frozen,
      agreedAt: new Date('2025-01-01T10:00:00Z'),
    });
    const draftContent = planContentFixture({
      competencies: {
        genericCurrent: ['stiptheid'],
        genericFuture: [],
        technicalCurrent: [w.skills[0]?.id as string],
        technicalFuture: [],
      },
    });
    await buildDraft(db, {
      organisationId: w.orgId,
      participantId: w.participant.id,
      number: 2,
      content: draftContent,
    });
    const actionKey = agreedContent.actions[0]?.key as string;
    await db.insert(developmentPlanActionProgress).values({
      organisationId: w.orgId,
      participantId: w.participant.id,
      actionKey,
      status: 'busy',
      updatedBy: w.self.user.id,
    });

    const view = (await read(w.self.cookie, w.participant.id)).json<PlanOverview>();
    expect(view.current).toMatchObject({ number: 1, status: 'agreed', content: agreedContent, evidence: frozen });
    expect(view.current?.agreedAt).toBe('2025-01-01T10:00:00.000Z');
    expect(view.draft).toMatchObject({ number: 2, status: 'draft', revision: 0, content: draftContent });
    expect(view.draft?.evidence.competencies.map((c) => c.key)).toEqual(['stiptheid']);
    expect(view.draft?.evidence.skills.map((s) => s.id)).toEqual([w.skills[0]?.id]);
    expect(view.versions.map((v) => [v.number, v.status])).toEqual([
      [2, 'draft'],
      [1, 'agreed'],
    ]);
    expect(view.actionProgress).toEqual([
      expect.objectContaining({
        key: actionKey,
        status: 'busy',
        updatedBy: { id: w.self.user.id, name: w.self.user.name },
      }),
    ]);
    expect(view.compliance.lastAgreedOn).toBe('2025-01-01');
  });

  it('tells each reader what they may do', async () => {
    const w = await buildPopWorkplace(t.app, db);
    const flags = async (cookie: string) => (await read(cookie, w.participant.id)).json<PlanOverview>().can;
    expect(await flags(w.coach.cookie)).toEqual({
      edit: true,
      agree: true,
      progress: true,
      propose: false,
      resolveProposals: true,
      present: true,
    });
    expect(await flags(w.self.cookie)).toEqual({
      edit: true,
      agree: true,
      progress: true,
      propose: true,
      resolveProposals: false,
      present: false,
    });
    expect(await flags(w.supervisor.cookie)).toEqual({
      edit: false,
      agree: false,
      progress: true,
      propose: false,
      resolveProposals: false,
      present: false,
    });
    const manager = await w.as('manager');
    expect(Object.values(await flags(manager.cookie)).some(Boolean)).toBe(false);
  });

  it('is audited as a dossier read; out of reach answers 404 and leaves no trace', async () => {
    const w = await buildPopWorkplace(t.app, db);
    const before = await lastAuditId();
    expect((await read(w.self.cookie, w.participant.id)).statusCode).toBe(200);
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'pop.read',
        actorId: w.self.user.id,
        targetType: 'participant',
        targetId: w.participant.id,
      }),
    ]);

    const stranger = await w.as('coach');
    const trainer = await w.as('trainer');
    expect((await read(stranger.cookie, w.participant.id)).statusCode).toBe(404);
    expect((await read(trainer.cookie, w.participant.id)).statusCode).toBe(403);
    expect((await read(w.coach.cookie, crypto.randomUUID())).statusCode).toBe(404);
    expect(
      await db
        .select()
        .from(auditLog)
        .where(and(gt(auditLog.id, before), eq(auditLog.targetId, w.participant.id))),
    ).toHaveLength(1);
  });
});
