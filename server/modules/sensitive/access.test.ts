import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#shared/common';
import { todayIso } from '#shared/participants';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  addSupervisor,
  buildOrganisation,
  buildParticipant,
  buildTeam,
  buildUser,
  loggedIn,
  login,
} from '../../../test/support/factories';
import { buildInstrumentDefinition, buildInstrumentResult } from '../../../test/support/factories-instruments';
import { buildGrant, buildPapDomain } from '../../../test/support/factories-sensitive';
import { auditLog, instrumentDefinitions, mailOutbox, sensitiveAccessGrants } from '../../db/schema';
import { withTenant } from '../../db/tenant';
import { loadCompartment, openCompartment } from './access';

let t: TestApp;
const db = () => t.database.db;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie }, ...(payload ? { payload } : {}) });

const HINDERING = 'Schulden bij drie schuldeisers en een beslag op het loon';

/**
 * A participant with two coaches on the caseload and a saved life domain; around them every kind of colleague,
 * logged in: a coach of another caseload, the admin, the team's supervisor, a trainer and a manager.
 */
async function workplace() {
  const org = await buildOrganisation(db());
  const team = await buildTeam(db(), { organisationId: org.id });
  const coach = await loggedIn(t.app, db(), 'coach', org.id);
  const secondCoach = await buildUser(db(), { organisationId: org.id, role: 'coach', name: 'Tweede Coach' });
  const own = await buildUser(db(), { organisationId: org.id, role: 'participant' });
  const participant = await buildParticipant(db(), {
    organisationId: org.id,
    teamId: team.id,
    coachId: coach.user.id,
    userId: own.id,
    firstName: 'Noor',
    lastName: 'Vandenberghe',
  });
  await db()
    .insert((await import('../../db/schema')).participantCoaches)
    .values({ organisationId: org.id, participantId: participant.id, userId: secondCoach.id });
  await buildPapDomain(db(), {
    organisationId: org.id,
    participantId: participant.id,
    domainCode: 'work_income',
    status: 'hindering',
    hinderingFactors: HINDERING,
  });
  const as = (role: Role) => loggedIn(t.app, db(), role, org.id);
  const supervisor = await as('supervisor');
  await addSupervisor(db(), team.id, supervisor.user.id, org.id);
  return {
    orgId: org.id,
    participant,
    coach,
    secondCoach,
    self: { user: own, cookie: await login(t.app, own) },
    otherCoach: await as('coach'),
    admin: await as('admin'),
    supervisor,
    trainer: await as('trainer'),
    manager: await as('manager'),
  };
}
type Workplace = Awaited<ReturnType<typeof workplace>>;

const grantsOf = async (participantId: string) =>
  db().select().from(sensitiveAccessGrants).where(eq(sensitiveAccessGrants.participantId, participantId));
const mailsOf = async (orgId: string) => db().select().from(mailOutbox).where(eq(mailOutbox.organisationId, orgId));
const auditOf = async (orgId: string, action: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organisationId, orgId), eq(auditLog.action, action)));

describe('the caseload', () => {
  it("the participant's coach reads and writes the compartment and may grant", async () => {
    const w = await workplace();
    const access = await call(w.coach.cookie, 'GET', `/participants/${w.participant.id}/sensitive/access`);
    expect(access.statusCode, access.body).toBe(200);
    expect(access.json()).toMatchObject({
      participantId: w.participant.id,
      canRead: true,
      canWrite: true,
      via: 'caseload',
      expiresAt: null,
      canBreakGlass: false,
      canGrant: true,
      grants: [],
    });
    const pap = await call(w.coach.cookie, 'GET', `/participants/${w.participant.id}/pap`);
    expect(pap.statusCode, pap.body).toBe(200);
    expect(pap.json().via).toBe('caseload');
    const glass = await call(w.coach.cookie, 'POST', `/participants/${w.participant.id}/sensitive/break-glass`, {
      reason: 'Ik wil dit toch even zien.',
    });
    expect(glass.statusCode, glass.body).toBe(409);
    expect(glass.json().error.code).toBe('conflict');
    expect(await grantsOf(w.participant.id)).toEqual([]);
  });
});

describe('break-the-glass', () => {
  it('a coach of another caseload is refused, states a reason, reads for the hours given; the coaches get a mail', async () => {
    const w = await workplace();
    const id = w.participant.id;
    const refused = await call(w.otherCoach.cookie, 'GET', `/participants/${id}/pap`);
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.code).toBe('break_glass_required');
    const before = await call(w.otherCoach.cookie, 'GET', `/participants/${id}/sensitive/access`);
    expect(before.json()).toMatchObject({ canRead: false, canWrite: false, via: null, canBreakGlass: true });
    expect(before.json().canGrant).toBe(false);
    // Who may not read sees nobody else's access either.
    expect(before.json().grants).toEqual([]);

    const reason = 'Crisis op de werkvloer, coach is onbereikbaar';
    const opened = await call(w.otherCoach.cookie, 'POST', `/participants/${id}/sensitive/break-glass`, {
      reason,
      hours: 2,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const state = opened.json();
    expect(state).toMatchObject({ canRead: true, canWrite: true, via: 'break_glass', canBreakGlass: false });
    const hours = (Date.parse(state.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    expect(state.grants).toHaveLength(1);
    expect(state.grants[0]).toMatchObject({ kind: 'break_glass', reason, active: true, grantedByName: null });

    const pap = await call(w.otherCoach.cookie, 'GET', `/participants/${id}/pap`);
    expect(pap.statusCode, pap.body).toBe(200);
    expect(pap.json().via).toBe('break_glass');
    const again = await call(w.otherCoach.cookie, 'POST', `/participants/${id}/sensitive/break-glass`, {
      reason,
      hours: 4,
    });
    expect(again.statusCode, again.body).toBe(409);

    // The access log, read by the participant's coach: who opened it, how and why, newest first.
    const log = await call(w.coach.cookie, 'GET', `/participants/${id}/sensitive/log`);
    expect(log.statusCode, log.body).toBe(200);
    const items = log.json().items as { action: string; via: string; reason: string; actorName: string }[];
    expect(items.map((i) => i.action)).toEqual(['pap.read', 'sensitive.break_glass']);
    for (const item of items) {
      expect(item).toMatchObject({ via: 'break_glass', reason, actorName: w.otherCoach.user.name });
    }

    // One mail per coach: who, why and where to look, the first name only and nothing of the PAP.
    const mails = await mailsOf(w.orgId);
    expect(mails.map((m) => m.to).sort()).toEqual([w.coach.user.email, w.secondCoach.email].sort());
    for (const mail of mails) {
      expect(mail.body).toContain(w.otherCoach.user.name);
      expect(mail.body).toContain(reason);
      expect(mail.body).toContain('Noor');
      expect(mail.body).toContain(`/deelnemers/${id}/actieplan`);
      expect(mail.body).not.toContain('Vandenberghe');
      expect(mail.body).not.toContain(HINDERING);
      expect(mail.subject).not.toContain('Noor');
    }
  });

  it('the admin breaks the glass too; the audit keeps the reason and never the contents', async () => {
    const w = await workplace();
    const id = w.participant.id;
    expect((await call(w.admin.cookie, 'GET', `/participants/${id}/pap`)).json().error.code).toBe(
      'break_glass_required',
    );
    const reason = 'Vraag van de arbeidsgeneesheer over belastbaarheid';
    const opened = await call(w.admin.cookie, 'POST', `/participants/${id}/sensitive/break-glass`, { reason });
    expect(opened.statusCode, opened.body).toBe(201);
    // The default the form proposes.
    const hours = (Date.parse(opened.json().expiresAt) - Date.now()) / 3600_000;
    expect(Math.round(hours)).toBe(4);
    expect((await call(w.admin.cookie, 'GET', `/participants/${id}/pap`)).statusCode).toBe(200);
    const [audit] = await auditOf(w.orgId, 'sensitive.break_glass');
    expect(audit?.reason).toBe(reason);
    expect(audit?.details).toMatchObject({ participantId: id, via: 'break_glass', hours: 4 });
    const [read] = await auditOf(w.orgId, 'pap.read');
    expect(read?.reason).toBe(reason);
    expect(JSON.stringify(read)).not.toContain(HINDERING);
  });

  it('refuses a missing or short reason and hours outside 1–24, storing and sending nothing', async () => {
    const w = await workplace();
    const url = `/participants/${w.participant.id}/sensitive/break-glass`;
    const cases: [object, string][] = [
      [{}, 'reason'],
      [{ reason: 'te kort' }, 'reason'],
      [{ reason: '          korte' }, 'reason'],
      [{ reason: 'Crisis op de werkvloer', hours: 0 }, 'hours'],
      [{ reason: 'Crisis op de werkvloer', hours: 25 }, 'hours'],
      [{ reason: 'Crisis op de werkvloer', hours: 1.5 }, 'hours'],
    ];
    for (const [payload, field] of cases) {
      const res = await call(w.otherCoach.cookie, 'POST', url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(Object.keys(res.json().error.fields)).toContain(field);
    }
    expect(await grantsOf(w.participant.id)).toEqual([]);
    expect(await mailsOf(w.orgId)).toEqual([]);
    expect(await auditOf(w.orgId, 'sensitive.break_glass')).toEqual([]);
  });

  it('is never for a supervisor, trainer, manager or participant', async () => {
    const w = await workplace();
    for (const caller of [w.supervisor, w.trainer, w.manager, w.self]) {
      const res = await call(caller.cookie, 'POST', `/participants/${w.participant.id}/sensitive/break-glass`, {
        reason: 'Ik wil graag meelezen vandaag.',
      });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect(await grantsOf(w.participant.id)).toEqual([]);
  });
});

describe('explicit grants', () => {
  const until = (days: number) => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };

  it('a coach of the caseload grants a colleague access until a day; revoking ends it at once', async () => {
    const w = await workplace();
    const id = w.participant.id;
    const candidates = await call(w.coach.cookie, 'GET', `/participants/${id}/sensitive/grant-candidates`);
    expect(candidates.statusCode, candidates.body).toBe(200);
    const ids = (candidates.json().items as { id: string; role: string }[]).map((c) => c.id);
    expect(ids).toContain(w.otherCoach.user.id);
    expect(ids).toContain(w.admin.user.id);
    for (const never of [w.coach.user.id, w.secondCoach.id, w.supervisor.user.id, w.manager.user.id, w.self.user.id]) {
      expect(ids).not.toContain(never);
    }

    const reason = 'Vervangt mij tijdens mijn verlof in mei';
    const granted = await call(w.coach.cookie, 'POST', `/participants/${id}/sensitive/grants`, {
      userId: w.otherCoach.user.id,
      reason,
      until: until(10),
    });
    expect(granted.statusCode, granted.body).toBe(201);
    const grant = granted.json().grants[0];
    expect(grant).toMatchObject({
      userId: w.otherCoach.user.id,
      userName: w.otherCoach.user.name,
      kind: 'granted',
      reason,
      grantedByName: w.coach.user.name,
      active: true,
    });
    const theirs = await call(w.otherCoach.cookie, 'GET', `/participants/${id}/sensitive/access`);
    expect(theirs.json()).toMatchObject({ canRead: true, via: 'granted', expiresAt: grant.expiresAt, canGrant: false });
    const read = await call(w.otherCoach.cookie, 'GET', `/participants/${id}/pap`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().via).toBe('granted');
    // Reaching it through a grant is not owning the dossier: no granting on, no access log.
    const onward = await call(w.otherCoach.cookie, 'POST', `/participants/${id}/sensitive/grants`, {
      userId: w.admin.user.id,
      reason,
      until: until(3),
    });
    expect(onward.statusCode, onward.body).toBe(403);
    expect((await call(w.otherCoach.cookie, 'GET', `/participants/${id}/sensitive/log`)).statusCode).toBe(403);

    const revoked = await call(w.coach.cookie, 'POST', `/participants/${id}/sensitive/grants/${grant.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().grants[0]).toMatchObject({ id: grant.id, active: false });
    expect(revoked.json().grants[0].revokedAt).not.toBeNull();
    const [row] = await grantsOf(id);
    expect(row?.revokedBy).toBe(w.coach.user.id);
    const gone = await call(w.otherCoach.cookie, 'GET', `/participants/${id}/pap`);
    expect(gone.statusCode).toBe(403);
    expect(gone.json().error.code).toBe('break_glass_required');
    const twice = await call(w.coach.cookie, 'POST', `/participants/${id}/sensitive/grants/${grant.id}/revoke`);
    expect(twice.statusCode).toBe(409);

    const log = (await call(w.coach.cookie, 'GET', `/participants/${id}/sensitive/log`)).json().items;
    expect(log.map((i: { action: string }) => i.action)).toEqual([
      'sensitive.grant_revoked',
      'pap.read',
      'sensitive.granted',
    ]);
    expect(log[1]).toMatchObject({ via: 'granted', reason });
    expect(log[2]).toMatchObject({ via: 'caseload', reason });
  });

  it('refuses a supervisor as grantee, a day in the past or too far ahead, storing nothing', async () => {
    const w = await workplace();
    const url = `/participants/${w.participant.id}/sensitive/grants`;
    const reason = 'Vervangt mij tijdens mijn verlof in mei';
    const deactivated = await buildUser(db(), { organisationId: w.orgId, role: 'coach', deactivated: true });
    const foreign = await buildUser(db(), { role: 'coach' });
    const cases: [object, Record<string, string>][] = [
      [{ userId: w.supervisor.user.id, reason, until: until(5) }, { userId: 'not_eligible' }],
      [{ userId: w.manager.user.id, reason, until: until(5) }, { userId: 'not_eligible' }],
      [{ userId: w.self.user.id, reason, until: until(5) }, { userId: 'not_eligible' }],
      [{ userId: w.secondCoach.id, reason, until: until(5) }, { userId: 'not_eligible' }],
      [{ userId: deactivated.id, reason, until: until(5) }, { userId: 'not_eligible' }],
      [{ userId: foreign.id, reason, until: until(5) }, { userId: 'not_eligible' }],
      [{ userId: w.otherCoach.user.id, reason, until: until(-2) }, { until: 'in_the_past' }],
      [{ userId: w.otherCoach.user.id, reason, until: until(400) }, { until: 'too_far' }],
      [
        { userId: w.supervisor.user.id, reason, until: until(-2) },
        { userId: 'not_eligible', until: 'in_the_past' },
      ],
    ];
    for (const [payload, fields] of cases) {
      const res = await call(w.coach.cookie, 'POST', url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields).toEqual(fields);
    }
    const short = await call(w.coach.cookie, 'POST', url, {
      userId: w.otherCoach.user.id,
      reason: 'ok',
      until: until(5),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty('reason');
    expect(await grantsOf(w.participant.id)).toEqual([]);
    expect(await auditOf(w.orgId, 'sensitive.granted')).toEqual([]);
  });

  it('a grant that expired gives no access any more', async () => {
    const w = await workplace();
    const day = 24 * 3600_000;
    await buildGrant(db(), {
      organisationId: w.orgId,
      participantId: w.participant.id,
      userId: w.otherCoach.user.id,
      grantedBy: w.coach.user.id,
      startsAt: new Date(Date.now() - 3 * day),
      expiresAt: new Date(Date.now() - day),
    });
    const res = await call(w.otherCoach.cookie, 'GET', `/participants/${w.participant.id}/pap`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('break_glass_required');
    const access = await call(w.otherCoach.cookie, 'GET', `/participants/${w.participant.id}/sensitive/access`);
    expect(access.json()).toMatchObject({ canRead: false, via: null, expiresAt: null, canBreakGlass: true });
  });
});

describe('need-to-know', () => {
  it('a supervisor, trainer or manager never reads the compartment, not even with a grant row', async () => {
    const w = await workplace();
    const id = w.participant.id;
    for (const caller of [w.supervisor, w.trainer, w.manager]) {
      await buildGrant(db(), { organisationId: w.orgId, participantId: id, userId: caller.user.id });
      for (const url of [`/participants/${id}/pap`, `/participants/${id}/sensitive/access`]) {
        const res = await call(caller.cookie, 'GET', url);
        expect(res.statusCode, `${caller.user.role} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
      }
      const write = await call(caller.cookie, 'PUT', `/participants/${id}/pap/domains/alcohol`, {
        status: 'attention',
        revision: 0,
      });
      expect(write.statusCode).toBe(403);
    }
    // The participant reads only their own view, never the staff's.
    expect((await call(w.self.cookie, 'GET', `/participants/${id}/pap`)).statusCode).toBe(403);

    // Behind the route's role check, the door itself refuses them too: a grant row is no relation for these roles.
    for (const caller of [w.supervisor, w.trainer, w.manager]) {
      const actor = { id: caller.user.id, name: caller.user.name, role: caller.user.role, organisationId: w.orgId };
      await withTenant(db(), w.orgId, async (tx) => {
        const compartment = await loadCompartment(tx, actor, id);
        expect(compartment.grant).not.toBeNull();
        expect(compartment.via).toBeNull();
        await expect(openCompartment(tx, actor, id, 'pap.read')).rejects.toMatchObject({ code: 'forbidden' });
      });
    }
  });

  it('another organisation, or a participant that does not exist, is 404', async () => {
    const w = await workplace();
    const foreignAdmin = await loggedIn(t.app, db(), 'admin');
    const foreignCoach = await loggedIn(t.app, db(), 'coach');
    for (const [caller, method, url] of [
      [foreignAdmin, 'GET', `/participants/${w.participant.id}/pap`],
      [foreignAdmin, 'GET', `/participants/${w.participant.id}/sensitive/access`],
      [foreignAdmin, 'GET', `/participants/${w.participant.id}/sensitive/log`],
      [foreignCoach, 'GET', `/participants/${w.participant.id}/sensitive/grant-candidates`],
      [w.coach, 'GET', `/participants/${crypto.randomUUID()}/pap`],
    ] as const) {
      const res = await call(caller.cookie, method, url);
      expect(res.statusCode, url).toBe(404);
    }
    const glass = await call(foreignAdmin.cookie, 'POST', `/participants/${w.participant.id}/sensitive/break-glass`, {
      reason: 'Ik wil dit graag inkijken.',
    });
    expect(glass.statusCode).toBe(404);
    expect(await grantsOf(w.participant.id)).toEqual([]);
  });
});

describe('counts for managers', () => {
  it('counts PAPs per domain and status, instruments and broken glass; never a name or id of a participant', async () => {
    const w = await workplace();
    const other = await buildParticipant(db(), { organisationId: w.orgId, firstName: 'Jef', lastName: 'Claes' });
    await buildPapDomain(db(), { organisationId: w.orgId, participantId: other.id, status: 'hindering' });
    await buildPapDomain(db(), {
      organisationId: w.orgId,
      participantId: other.id,
      domainCode: 'justice',
      status: 'attention',
    });
    await buildGrant(db(), { organisationId: w.orgId, participantId: w.participant.id, kind: 'break_glass' });
    const old = new Date(Date.now() - 100 * 24 * 3600_000);
    await buildGrant(db(), {
      organisationId: w.orgId,
      participantId: w.participant.id,
      kind: 'break_glass',
      startsAt: old,
      expiresAt: new Date(old.getTime() + 3600_000),
    });
    const test = await buildInstrumentDefinition(db(), { organisationId: w.orgId, name: 'Fitheidstest' });
    const onPaper = await buildInstrumentDefinition(db(), { organisationId: w.orgId, name: 'Oude vragenlijst' });
    await buildInstrumentDefinition(db(), { organisationId: w.orgId, name: 'Nooit gebruikt', archived: true });
    const at = { organisationId: w.orgId, participantId: w.participant.id };
    await buildInstrumentResult(db(), { ...at, definitionId: test.id, takenOn: todayIso() });
    await buildInstrumentResult(db(), { ...at, definitionId: test.id, takenOn: '2020-02-03' });
    await buildInstrumentResult(db(), { ...at, definitionId: onPaper.id, takenOn: '2021-05-06' });
    await db()
      .update(instrumentDefinitions)
      .set({ archivedAt: new Date() })
      .where(eq(instrumentDefinitions.id, onPaper.id));
    // Another organisation's compartment does not count.
    await buildPapDomain(db(), { status: 'hindering' });
    await buildInstrumentResult(db(), { takenOn: todayIso() });

    const res = await call(w.manager.cookie, 'GET', '/sensitive/counts');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      participantsWithPap: 2,
      // Every domain of the list, in its order; without a saved row a participant counts as not discussed.
      domains: [
        { domainCode: 'physical_health', status: 'not_discussed', count: 2 },
        { domainCode: 'work_income', status: 'not_discussed', count: 0 },
        { domainCode: 'work_income', status: 'hindering', count: 2 },
        { domainCode: 'alcohol', status: 'not_discussed', count: 2 },
        { domainCode: 'drugs', status: 'not_discussed', count: 2 },
        { domainCode: 'justice', status: 'not_discussed', count: 1 },
        { domainCode: 'justice', status: 'attention', count: 1 },
        { domainCode: 'family_social', status: 'not_discussed', count: 2 },
        { domainCode: 'mental_health', status: 'not_discussed', count: 2 },
      ],
      // Archived definitions only while results of them exist.
      instruments: [
        { definitionId: test.id, name: 'Fitheidstest', total: 2, lastYear: 1 },
        { definitionId: onPaper.id, name: 'Oude vragenlijst', total: 1, lastYear: 0 },
      ],
      breakGlassLast90Days: 1,
    });
    for (const secret of [w.participant.id, other.id, 'Noor', 'Jef', HINDERING]) expect(res.body).not.toContain(secret);
    expect((await call(w.admin.cookie, 'GET', '/sensitive/counts')).statusCode).toBe(200);
    expect((await call(w.coach.cookie, 'GET', '/sensitive/counts')).statusCode).toBe(403);
  });
});

describe('the access log', () => {
  it('is for the coaches of the participant and the admin; the participant and others are refused', async () => {
    const w: Workplace = await workplace();
    const url = `/participants/${w.participant.id}/sensitive/log`;
    expect((await call(w.admin.cookie, 'GET', url)).statusCode).toBe(200);
    expect((await call(w.otherCoach.cookie, 'GET', url)).statusCode).toBe(403);
    for (const caller of [w.supervisor, w.manager, w.self]) {
      const res = await call(caller.cookie, 'GET', url);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });
});
