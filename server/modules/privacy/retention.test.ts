import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETENTION_MAX_MONTHS, RETENTION_MIN_MONTHS, retentionSettingsBody } from '#shared/privacy';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, loggedIn } from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { auditLog, careerEvents, participants } from '../../db/schema';
import type { RequestContext } from '../audit/record';
import { getRetention, runRetention, setRetention } from './service';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });
const REASON = 'Bewaartermijn na uitstroom verstreken';

async function adminContext(organisationId: string): Promise<RequestContext> {
  const { user } = await loggedIn(t.app, db, 'admin', organisationId);
  return { actor: { id: user.id, name: user.name, role: 'admin', organisationId } };
}

/** An exited participant whose (only) exit is on `exitDate`. */
async function exitedOn(organisationId: string, exitDate: string) {
  const p = await buildParticipant(db, { organisationId, status: 'exited' });
  await db
    .update(careerEvents)
    .set({ date: exitDate })
    .where(and(eq(careerEvents.participantId, p.id), eq(careerEvents.kind, 'exit')));
  return p;
}

describe('retention settings', () => {
  it('accepts null and 12–240 months, and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (months) => {
        const ok = retentionSettingsBody.safeParse({ monthsAfterExit: months }).success;
        expect(ok).toBe(months >= RETENTION_MIN_MONTHS && months <= RETENTION_MAX_MONTHS);
      }),
    );
    expect(retentionSettingsBody.safeParse({ monthsAfterExit: null }).success).toBe(true);
    expect(retentionSettingsBody.safeParse({ monthsAfterExit: 24.5 }).success).toBe(false);
    expect(retentionSettingsBody.safeParse({ monthsAfterExit: 24, extra: 1 }).success).toBe(false);
  });

  it('is off until set, answers field errors, and is audited when changed', async () => {
    const org = await buildOrganisation(db);
    const admin = await loggedIn(t.app, db, 'admin', org.id);
    const get = await call(admin.cookie, { method: 'GET', url: '/api/v1/privacy/retention' });
    expect(get.json()).toEqual({ settings: { monthsAfterExit: null }, due: [] });
    const bad = await call(admin.cookie, {
      method: 'PUT',
      url: '/api/v1/privacy/retention',
      payload: { monthsAfterExit: 6 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('monthsAfterExit');
    const put = await call(admin.cookie, {
      method: 'PUT',
      url: '/api/v1/privacy/retention',
      payload: { monthsAfterExit: 60 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().settings).toEqual({ monthsAfterExit: 60 });
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privacy.retention_updated'), eq(auditLog.organisationId, org.id)));
    expect(audit?.details).toEqual({ monthsAfterExit: 60 });
  });
});

describe('who is due and the run', () => {
  it('lists the exited participants whose latest exit plus the period lies on or before today', async () => {
    const org = await buildOrganisation(db);
    const ctx = await adminContext(org.id);
    const due = await exitedOn(org.id, '2023-03-01');
    const onTheDay = await exitedOn(org.id, '2024-03-15');
    await exitedOn(org.id, '2024-03-16');
    await buildParticipant(db, { organisationId: org.id, status: 'active' });
    // Exited twice: the latest exit counts.
    const twice = await exitedOn(org.id, '2020-01-01');
    await db
      .insert(careerEvents)
      .values({ organisationId: org.id, participantId: twice.id, kind: 'exit', date: '2025-01-01' });
    await setRetention(db, ctx, { monthsAfterExit: 12 }, '2025-03-15');
    const overview = await getRetention(db, ctx, '2025-03-15');
    expect(overview.due).toEqual([
      {
        participantId: due.id,
        name: `${due.firstName} ${due.lastName}`,
        exitDate: '2023-03-01',
        dueSince: '2024-03-01',
      },
      {
        participantId: onTheDay.id,
        name: `${onTheDay.firstName} ${onTheDay.lastName}`,
        exitDate: '2024-03-15',
        dueSince: '2025-03-15',
      },
    ]);
  });

  it('anonymises every due participant, each audited with the reason, and nobody else', async () => {
    const org = await buildOrganisation(db);
    const ctx = await adminContext(org.id);
    const a = await exitedOn(org.id, '2020-01-01');
    const b = await exitedOn(org.id, '2021-06-30');
    const recent = await exitedOn(org.id, '2025-01-01');
    await setRetention(db, ctx, { monthsAfterExit: 24 });
    expect(await runRetention(db, ctx, REASON, '2025-03-15')).toEqual({ anonymised: 2 });
    const rows = await db
      .select({ id: participants.id, anonymisedAt: participants.anonymisedAt })
      .from(participants)
      .where(eq(participants.organisationId, org.id));
    const erased = new Set(rows.filter((r) => r.anonymisedAt).map((r) => r.id));
    expect(erased).toEqual(new Set([a.id, b.id]));
    expect(erased.has(recent.id)).toBe(false);
    const audits = await db
      .select({ targetId: auditLog.targetId, reason: auditLog.reason })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privacy.anonymised'), eq(auditLog.organisationId, org.id)));
    expect(audits.map((r) => r.reason)).toEqual([REASON, REASON]);
    expect((await getRetention(db, ctx, '2025-03-15')).due).toEqual([]);
    expect(await runRetention(db, ctx, REASON, '2025-03-15')).toEqual({ anonymised: 0 });
  });

  it('does nothing while the period is off', async () => {
    const org = await buildOrganisation(db);
    const ctx = await adminContext(org.id);
    await exitedOn(org.id, '2000-01-01');
    expect(await runRetention(db, ctx, REASON)).toEqual({ anonymised: 0 });
  });

  it('runs through the API for the admin only, with a reason', async () => {
    const org = await buildOrganisation(db);
    const admin = await loggedIn(t.app, db, 'admin', org.id);
    const short = await call(admin.cookie, {
      method: 'POST',
      url: '/api/v1/privacy/retention/run',
      payload: { reason: 'x' },
    });
    expect(short.json().error.fields).toHaveProperty('reason');
    const ok = await call(admin.cookie, {
      method: 'POST',
      url: '/api/v1/privacy/retention/run',
      payload: { reason: REASON },
    });
    expect(ok.json()).toEqual({ anonymised: 0 });
    const manager = await loggedIn(t.app, db, 'manager', org.id);
    expect((await call(manager.cookie, { method: 'GET', url: '/api/v1/privacy/retention' })).statusCode).toBe(403);
  });
});
