import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildParticipant, loggedIn } from '../../../test/support/factories';
import { buildFrameworkVersion } from '../../../test/support/factories-competencies';
import type { Db } from '../../db/client';
import { auditLog, mailOutbox, mentorInvitations, observations, participants } from '../../db/schema';
import { hashMentorToken } from './mentor-token';
import { call, dayFromToday, lastAuditId, type Workplace, workplace } from './test-fixtures';

const SECRET = 'mentor-test-secret-mentor-test-secret!';
let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp({ AUTH_SECRET: SECRET, PUBLIC_URL: 'https://groeipad.example.org' });
  db = t.database.db;
});
afterAll(() => t.close());

const invitationBody = (extra: Record<string, unknown> = {}) => ({
  mentorName: 'Marc Mentor',
  mentorEmail: 'marc@stageplek.example.org',
  hostOrganisation: 'Bakkerij De Korst',
  validFrom: dayFromToday(-10),
  validUntil: dayFromToday(20),
  ...extra,
});

const invite = (cookie: string, participantId: string, extra: Record<string, unknown> = {}) =>
  call(t, cookie, {
    method: 'POST',
    url: `/api/v1/participants/${participantId}/mentor-invitations`,
    payload: invitationBody(extra),
  });

/** The token of the last mail to the address: only the outbox has it. */
async function tokenFromOutbox(orgId: string, to = 'marc@stageplek.example.org') {
  const [mail] = await db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.organisationId, orgId), eq(mailOutbox.to, to)))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(1);
  const match = mail?.body.match(/https:\/\/groeipad\.example\.org\/mentor\/([A-Za-z0-9_-]+)/);
  if (!mail || !match?.[1]) throw new Error('no mentor link in the outbox');
  return { token: match[1], mail };
}

/** An invitation by the workplace's coach and its token. */
async function invited(w: Workplace, extra: Record<string, unknown> = {}) {
  const res = await invite(w.coach.cookie, w.participant.id, extra);
  expect(res.statusCode, res.body).toBe(201);
  const { token } = await tokenFromOutbox(w.orgId);
  return { invitation: res.json(), token };
}

let ipSeq = 0;
const freshIp = () => `10.77.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`;
const view = (token: string, ip = freshIp()) =>
  t.app.inject({ method: 'GET', url: `/api/v1/mentor-links/${token}`, remoteAddress: ip });
const submit = (token: string, payload: object, ip = freshIp()) =>
  t.app.inject({ method: 'POST', url: `/api/v1/mentor-links/${token}/observations`, payload, remoteAddress: ip });

const mentorScores = (w: Workplace, extra: Record<string, unknown> = {}) => ({
  frameworkVersionId: w.version.id,
  observedOn: dayFromToday(-1),
  note: 'Komt elke dag op tijd.',
  ratings: [
    { competencyId: w.c1.id, score: 4 },
    { competencyId: w.c3.id, score: 3, note: 'Let op de details.' },
  ],
  ...extra,
});

const mentorObservations = (participantId: string) =>
  db.select().from(observations).where(eq(observations.participantId, participantId));

describe('the mentor link, from invitation to revocation', () => {
  it('invites by mail, shows only the name and the form, takes scores, and stops working once revoked', async () => {
    const w = await workplace(t);
    const before = await lastAuditId(db);
    const res = await invite(w.coach.cookie, w.participant.id);
    expect(res.statusCode, res.body).toBe(201);
    const invitation = res.json();
    expect(invitation).toMatchObject({
      participantId: w.participant.id,
      mentorName: 'Marc Mentor',
      mentorEmail: 'marc@stageplek.example.org',
      hostOrganisation: 'Bakkerij De Korst',
      status: 'active',
      lastUsedAt: null,
      observationCount: 0,
      // No SMTP settings in tests: the mail is kept in the outbox only, and the coach is told so.
      mailDelivery: 'not_sent',
    });

    // The mail: Dutch, then English, with the link; the token is nowhere else but in this one answer to the coach
    // (only its HMAC is stored).
    const { token, mail } = await tokenFromOutbox(w.orgId);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.subject).toContain(w.orgName);
    expect(mail.subject).not.toContain('Sofie');
    expect(mail.body).toContain('Sofie Claes');
    expect(mail.body).toMatch(/^Dag Marc Mentor,[\s\S]*---[\s\S]*Hello Marc Mentor,/);
    expect(invitation.link).toBe(`https://groeipad.example.org/mentor/${token}`);
    const [row] = await db.select().from(mentorInvitations).where(eq(mentorInvitations.id, invitation.id));
    expect(row?.tokenHash).toBe(hashMentorToken(SECRET, token));
    expect(JSON.stringify(row)).not.toContain(token);
    const inviteAudit = await db.select().from(auditLog).where(gt(auditLog.id, before));
    expect(inviteAudit.map((a) => a.action)).toEqual(['mentor.invited']);
    expect(JSON.stringify(inviteAudit)).not.toContain('marc@');
    expect(JSON.stringify(inviteAudit)).not.toContain(token);

    // The mentor opens the link without a session.
    const opened = await view(token);
    expect(opened.statusCode, opened.body).toBe(200);
    const page = opened.json();
    expect(page).toMatchObject({
      organisationName: w.orgName,
      participant: { firstName: 'Sofie', lastName: 'Claes' },
      mentorName: 'Marc Mentor',
      validUntil: invitation.validUntil,
      // The participant started long before the link's period.
      earliestDate: invitation.validFrom,
      frameworkVersion: { id: w.version.id, number: 1, frameworkName: w.framework.framework.name },
      submitted: [],
    });
    expect(page.frameworkVersion.scale).toHaveLength(4);
    expect(page.frameworkVersion.competencies.map((c: { id: string }) => c.id)).toEqual([w.c1.id, w.c2.id, w.c3.id]);
    // Nothing else of the dossier.
    expect(Object.keys(page.participant)).toEqual(['firstName', 'lastName']);
    for (const secret of [
      w.participant.id,
      w.participant.email,
      w.participant.phone,
      w.participant.dateOfBirth,
      w.team.name,
    ]) {
      expect(opened.body).not.toContain(String(secret));
    }

    const sent = await submit(token, mentorScores(w));
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toEqual({ ok: true, observedOn: dayFromToday(-1), ratingCount: 2 });
    const [stored] = await mentorObservations(w.participant.id);
    expect(stored).toMatchObject({
      raterKind: 'mentor',
      context: 'stage',
      raterUserId: null,
      mentorInvitationId: invitation.id,
      note: 'Komt elke dag op tijd.',
    });
    expect((await view(token)).json().submitted).toEqual([{ observedOn: dayFromToday(-1), ratingCount: 2 }]);

    // Every use is audited, with the mentor as actor (no account).
    const uses = await db
      .select()
      .from(auditLog)
      .where(and(gt(auditLog.id, before), eq(auditLog.targetId, w.participant.id)));
    expect(uses.map((a) => [a.action, a.actorId, a.actorName])).toEqual([
      ['mentor.invited', w.coach.user.id, w.coach.user.name],
      ['mentor_link.viewed', null, 'mentor: Marc Mentor'],
      ['mentor_link.observation_created', null, 'mentor: Marc Mentor'],
      ['mentor_link.viewed', null, 'mentor: Marc Mentor'],
    ]);
    expect(JSON.stringify(uses)).not.toContain('Komt elke dag');

    const listed = await call(t, w.coach.cookie, {
      method: 'GET',
      url: `/api/v1/participants/${w.participant.id}/mentor-invitations`,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toHaveLength(1);
    expect(listed.json().items[0]).toMatchObject({
      id: invitation.id,
      status: 'active',
      observationCount: 1,
      mailDelivery: 'not_sent',
      mailedAt: mail.createdAt.toISOString(),
    });
    expect(listed.json().items[0]).not.toHaveProperty('link');
    expect(listed.json().items[0].lastUsedAt).not.toBeNull();
    expect(listed.body).not.toContain(token);

    // The coach revokes: the link answers 410 from then on, and nothing more is stored.
    const revoke = () =>
      call(t, w.coach.cookie, { method: 'POST', url: `/api/v1/mentor-invitations/${invitation.id}/revoke` });
    const revoked = await revoke();
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().status).toBe('revoked');
    const afterRevoke = await lastAuditId(db);
    expect((await revoke()).statusCode).toBe(200);
    expect(await lastAuditId(db)).toBe(afterRevoke);

    const gone = await view(token);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.code).toBe('link_revoked');
    const late = await submit(token, mentorScores(w, { observedOn: dayFromToday(0) }));
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('link_revoked');
    expect(await mentorObservations(w.participant.id)).toHaveLength(1);
    const refusals = await db.select().from(auditLog).where(gt(auditLog.id, afterRevoke));
    expect(refusals.map((a) => [a.action, a.details])).toEqual([
      ['mentor_link.refused', { invitationId: invitation.id, reason: 'link_revoked' }],
      ['mentor_link.refused', { invitationId: invitation.id, reason: 'link_revoked' }],
    ]);
  });

  it('answers 410 link_expired outside the period (before validFrom and after validUntil)', async () => {
    const w = await workplace(t);
    const { invitation, token } = await invited(w);
    const setPeriod = (validFrom: string, validUntil: string) =>
      db.update(mentorInvitations).set({ validFrom, validUntil }).where(eq(mentorInvitations.id, invitation.id));
    const status = async () =>
      (
        await call(t, w.coach.cookie, {
          method: 'GET',
          url: `/api/v1/participants/${w.participant.id}/mentor-invitations`,
        })
      ).json().items[0].status;

    await setPeriod(dayFromToday(-60), dayFromToday(-1));
    expect(await status()).toBe('expired');
    for (const res of [await view(token), await submit(token, mentorScores(w, { observedOn: dayFromToday(-2) }))]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('link_expired');
    }
    await setPeriod(dayFromToday(1), dayFromToday(30));
    expect(await status()).toBe('pending');
    expect((await view(token)).json().error.code).toBe('link_expired');
    // The last day of the period still works.
    await setPeriod(dayFromToday(-5), dayFromToday(0));
    expect((await view(token)).statusCode).toBe(200);
    expect(await mentorObservations(w.participant.id)).toHaveLength(0);
  });

  it('answers 410 once the dossier is archived', async () => {
    const w = await workplace(t);
    const { token } = await invited(w);
    await db.update(participants).set({ archivedAt: new Date() }).where(eq(participants.id, w.participant.id));
    expect((await view(token)).statusCode).toBe(410);
    expect((await submit(token, mentorScores(w))).statusCode).toBe(410);
  });
});

describe('what a mentor can send', () => {
  let w: Workplace;
  let token: string;
  beforeAll(async () => {
    w = await workplace(t);
    ({ token } = await invited(w));
  });

  async function refused(payload: object, status: number) {
    const before = await lastAuditId(db);
    const res = await submit(token, payload);
    expect(res.statusCode, res.body).toBe(status);
    expect(await mentorObservations(w.participant.id)).toHaveLength(0);
    expect(await lastAuditId(db)).toBe(before);
    return res.json().error;
  }

  it('refuses a date outside the link’s period, in the future, or before the start', async () => {
    expect((await refused(mentorScores(w, { observedOn: dayFromToday(-11) }), 400)).fields).toEqual({
      observedOn: 'outside_link_period',
    });
    expect((await refused(mentorScores(w, { observedOn: dayFromToday(1) }), 400)).fields).toHaveProperty('observedOn');
  });

  it('refuses a score above the scale and a competency of another version', async () => {
    const v2 = await buildFrameworkVersion(db, {
      organisationId: w.orgId,
      frameworkId: w.framework.framework.id,
      number: 2,
      keys: ['samenwerken'],
    });
    const error = await refused(
      mentorScores(w, {
        ratings: [
          { competencyId: w.c1.id, score: 5 },
          { competencyId: v2.competencies[0]?.id, score: 1 },
        ],
      }),
      400,
    );
    expect(error.fields).toEqual({ 'ratings.0.score': 'out_of_scale', 'ratings.1.competencyId': 'not_in_version' });
  });

  it('cannot reach another participant: the link names its one participant, a body naming another is refused', async () => {
    const other = await buildParticipant(db, { organisationId: w.orgId });
    const error = await refused({ ...mentorScores(w), participantId: other.id }, 400);
    expect(error.fields).toHaveProperty('participantId');
    expect((await refused({ ...mentorScores(w), context: 'werkvloer' }, 400)).fields).toHaveProperty('context');
    expect(await mentorObservations(other.id)).toHaveLength(0);
  });

  it('stores a retried draft once (201, then 200)', async () => {
    const clientKey = crypto.randomUUID();
    const first = await submit(token, mentorScores(w, { clientKey }));
    expect(first.statusCode, first.body).toBe(201);
    const again = await submit(token, mentorScores(w, { clientKey }));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await mentorObservations(w.participant.id)).toHaveLength(1);
  });

  it('a participant who never started: 409 not_started, and the form starts at the link’s first day', async () => {
    const registered = await buildParticipant(db, {
      organisationId: w.orgId,
      coachId: w.coach.user.id,
      status: 'registered',
    });
    const res = await invite(w.coach.cookie, registered.id, { mentorEmail: 'nieuw@stageplek.example.org' });
    expect(res.statusCode).toBe(201);
    const { token: fresh } = await tokenFromOutbox(w.orgId, 'nieuw@stageplek.example.org');
    expect((await view(fresh)).json().earliestDate).toBe(res.json().validFrom);
    const sent = await submit(fresh, mentorScores(w));
    expect(sent.statusCode).toBe(409);
    expect(sent.json().error.code).toBe('not_started');
  });
});

describe('guessing links', () => {
  it('answers 404 to an unknown token, and 429 to an address that keeps guessing, even with a real token', async () => {
    const w = await workplace(t);
    const { token } = await invited(w);
    const ip = '10.99.0.1';
    const guess = () => `${crypto.randomUUID()}${crypto.randomUUID()}`.replace(/-/g, '').slice(0, 43);
    // LOGIN_MAX_FAILURES_PER_ACCOUNT (5 by default) counts the guesses of one address.
    for (let i = 0; i < 5; i++) {
      const res = await view(guess(), ip);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const blocked = await view(token, ip);
    expect(blocked.statusCode).toBe(429);
    expect((await submit(token, mentorScores(w), ip)).statusCode).toBe(429);
    // Another address is not affected.
    expect((await view(token, '10.99.0.2')).statusCode).toBe(200);
    // A malformed token is refused by the contract.
    expect((await view('kort', '10.99.0.3')).statusCode).toBe(400);
  });
});

describe('who may invite and revoke', () => {
  it('the coaches of the dossier and the admin; another coach gets 404; other roles 403', async () => {
    const w = await workplace(t);
    const admin = await loggedIn(t.app, db, 'admin', w.orgId);
    expect((await invite(admin.cookie, w.participant.id)).statusCode).toBe(201);
    const otherCoach = await loggedIn(t.app, db, 'coach', w.orgId);
    expect((await invite(otherCoach.cookie, w.participant.id)).statusCode).toBe(404);
    const list = (cookie: string) =>
      call(t, cookie, { method: 'GET', url: `/api/v1/participants/${w.participant.id}/mentor-invitations` });
    expect((await list(otherCoach.cookie)).statusCode).toBe(404);
    for (const role of ['supervisor', 'manager', 'trainer', 'participant'] as const) {
      const u = await loggedIn(t.app, db, role, w.orgId);
      expect((await invite(u.cookie, w.participant.id)).statusCode, role).toBe(403);
      expect((await list(u.cookie)).statusCode, role).toBe(403);
    }
    const foreignAdmin = await loggedIn(t.app, db, 'admin');
    expect((await invite(foreignAdmin.cookie, w.participant.id)).statusCode).toBe(404);

    const id = (await list(w.coach.cookie)).json().items[0].id;
    const revokeAs = (cookie: string) =>
      call(t, cookie, { method: 'POST', url: `/api/v1/mentor-invitations/${id}/revoke` });
    expect((await revokeAs(otherCoach.cookie)).statusCode).toBe(404);
    expect((await revokeAs(foreignAdmin.cookie)).statusCode).toBe(404);
    expect((await list(w.coach.cookie)).json().items[0].status).toBe('active');
    expect((await revokeAs(admin.cookie)).json().status).toBe('revoked');
  });

  it('refuses a bad period and an archived dossier, storing and sending nothing', async () => {
    const w = await workplace(t);
    const mails = async () => (await db.select().from(mailOutbox).where(eq(mailOutbox.organisationId, w.orgId))).length;
    const cases: [Record<string, unknown>, string][] = [
      [{ validFrom: dayFromToday(5), validUntil: dayFromToday(1) }, 'validUntil'],
      [{ validFrom: dayFromToday(-30), validUntil: dayFromToday(-1) }, 'validUntil'],
      [{ validFrom: dayFromToday(0), validUntil: dayFromToday(400) }, 'validUntil'],
      [{ mentorEmail: 'geen-adres' }, 'mentorEmail'],
      [{ mentorName: '   ' }, 'mentorName'],
      [{ validFrom: '2025-02-30' }, 'validFrom'],
    ];
    for (const [extra, field] of cases) {
      const res = await invite(w.coach.cookie, w.participant.id, extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().error.fields).toHaveProperty(field);
    }
    expect(
      (
        await invite(w.coach.cookie, w.participant.id, { validUntil: dayFromToday(-1), validFrom: dayFromToday(-3) })
      ).json().error.fields,
    ).toEqual({ validUntil: 'in_the_past' });
    await db.update(participants).set({ archivedAt: new Date() }).where(eq(participants.id, w.participant.id));
    expect((await invite(w.coach.cookie, w.participant.id)).statusCode).toBe(409);
    expect(
      await db.select().from(mentorInvitations).where(eq(mentorInvitations.participantId, w.participant.id)),
    ).toEqual([]);
    expect(await mails()).toBe(0);
  });
});

describe('resending the link', () => {
  const resend = (cookie: string, id: string) =>
    call(t, cookie, { method: 'POST', url: `/api/v1/mentor-invitations/${id}/resend` });
  const hashOf = async (id: string) =>
    (await db.select().from(mentorInvitations).where(eq(mentorInvitations.id, id)))[0]?.tokenHash;

  it('mails a fresh link and shows it once; the old link stops working; the history and the audit stay', async () => {
    const w = await workplace(t);
    const { invitation, token: old } = await invited(w);
    expect((await submit(old, mentorScores(w))).statusCode).toBe(201);
    const before = await lastAuditId(db);

    const res = await resend(w.coach.cookie, invitation.id);
    expect(res.statusCode, res.body).toBe(200);
    const resent = res.json();
    const { token: fresh, mail } = await tokenFromOutbox(w.orgId);
    expect(fresh).not.toBe(old);
    expect(resent).toMatchObject({
      id: invitation.id,
      status: 'active',
      observationCount: 1,
      mailDelivery: 'not_sent',
      mailedAt: mail.createdAt.toISOString(),
      link: `https://groeipad.example.org/mentor/${fresh}`,
    });
    expect(mail.body).toMatch(/^Dag Marc Mentor,/);
    expect(await hashOf(invitation.id)).toBe(hashMentorToken(SECRET, fresh));

    // The new link works and still shows what the mentor sent before; the old one is unknown from now on.
    const opened = await view(fresh);
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json().submitted).toHaveLength(1);
    expect((await view(old)).statusCode).toBe(404);
    expect((await submit(old, mentorScores(w, { observedOn: dayFromToday(0) }))).statusCode).toBe(404);
    expect(await mentorObservations(w.participant.id)).toHaveLength(1);

    const audit = await db.select().from(auditLog).where(gt(auditLog.id, before)).orderBy(asc(auditLog.id));
    expect(audit.map((a) => [a.action, a.actorId, a.targetId, a.details])).toEqual([
      ['mentor.resent', w.coach.user.id, w.participant.id, { invitationId: invitation.id }],
      ['mentor_link.viewed', null, w.participant.id, { invitationId: invitation.id }],
    ]);
    for (const secret of [old, fresh, 'marc@']) expect(JSON.stringify(audit)).not.toContain(secret);

    // No later answer holds the link: it exists in the mail and in the one answer above.
    const listed = await call(t, w.coach.cookie, {
      method: 'GET',
      url: `/api/v1/participants/${w.participant.id}/mentor-invitations`,
    });
    expect(listed.json().items).toHaveLength(1);
    expect(listed.body).not.toContain(fresh);
  });

  it('works for a link whose period has not begun, and for the admin', async () => {
    const w = await workplace(t);
    const { invitation } = await invited(w, { validFrom: dayFromToday(3), validUntil: dayFromToday(20) });
    const admin = await loggedIn(t.app, db, 'admin', w.orgId);
    const res = await resend(admin.cookie, invitation.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'pending',
      link: expect.stringMatching(/\/mentor\/[A-Za-z0-9_-]{43}$/),
    });
  });

  it('refuses a revoked or expired link (410) and an archived dossier (409), changing and sending nothing', async () => {
    const w = await workplace(t);
    const mails = async () => (await db.select().from(mailOutbox).where(eq(mailOutbox.organisationId, w.orgId))).length;
    const revoked = (await invited(w)).invitation;
    await call(t, w.coach.cookie, { method: 'POST', url: `/api/v1/mentor-invitations/${revoked.id}/revoke` });
    const expired = (await invited(w, { mentorEmail: 'later@stageplek.example.org' })).invitation;
    await db
      .update(mentorInvitations)
      .set({ validFrom: dayFromToday(-30), validUntil: dayFromToday(-1) })
      .where(eq(mentorInvitations.id, expired.id));
    const archived = (await invited(w, { mentorEmail: 'archief@stageplek.example.org' })).invitation;
    const hashes = [await hashOf(revoked.id), await hashOf(expired.id), await hashOf(archived.id)];
    const sentBefore = await mails();
    const before = await lastAuditId(db);

    const gone = await resend(w.coach.cookie, revoked.id);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.code).toBe('link_revoked');
    const over = await resend(w.coach.cookie, expired.id);
    expect(over.statusCode).toBe(410);
    expect(over.json().error.code).toBe('link_expired');
    await db.update(participants).set({ archivedAt: new Date() }).where(eq(participants.id, w.participant.id));
    const closed = await resend(w.coach.cookie, archived.id);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('conflict');

    expect([await hashOf(revoked.id), await hashOf(expired.id), await hashOf(archived.id)]).toEqual(hashes);
    expect(await mails()).toBe(sentBefore);
    expect(await lastAuditId(db)).toBe(before);
  });

  it('only for whoever may invite for the dossier: another coach and another organisation 404, other roles 403', async () => {
    const w = await workplace(t);
    const { invitation, token } = await invited(w);
    const hash = await hashOf(invitation.id);
    const otherCoach = await loggedIn(t.app, db, 'coach', w.orgId);
    expect((await resend(otherCoach.cookie, invitation.id)).statusCode).toBe(404);
    const foreignAdmin = await loggedIn(t.app, db, 'admin');
    expect((await resend(foreignAdmin.cookie, invitation.id)).statusCode).toBe(404);
    // The team's supervisor reaches the dossier, yet may not invite: 403 like every role outside the rule.
    expect((await resend(w.supervisor.cookie, invitation.id)).statusCode).toBe(403);
    for (const role of ['manager', 'trainer', 'participant'] as const) {
      const u = await loggedIn(t.app, db, role, w.orgId);
      expect((await resend(u.cookie, invitation.id)).statusCode, role).toBe(403);
    }
    expect((await resend(w.coach.cookie, crypto.randomUUID())).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/mentor-invitations/${invitation.id}/resend` })).statusCode,
    ).toBe(401);
    expect(await hashOf(invitation.id)).toBe(hash);
    // Logins of the callers above are on the record; a resend is not.
    const resends = and(eq(auditLog.action, 'mentor.resent'), eq(auditLog.targetId, w.participant.id));
    expect(await db.select().from(auditLog).where(resends)).toEqual([]);
    expect((await view(token)).statusCode).toBe(200);
  });
});

/**
 * A minimal SMTP server: enough of the conversation for nodemailer to hand over one mail. The tests only need to know
 * that the mailer records a delivery; the content is checked in the outbox.
 */
function fakeSmtpServer() {
  const server = createServer((socket) => {
    let data = false;
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      for (const line of chunk.toString().split('\r\n').filter(Boolean)) {
        if (data) {
          if (line === '.') {
            data = false;
            socket.write('250 queued\r\n');
          }
        } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 fake\r\n');
        else if (/^DATA/i.test(line)) {
          data = true;
          socket.write('354 go on\r\n');
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise<{ port: number; close: () => Promise<void> }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

describe('the delivery status the coach sees', () => {
  it('is "sent" when the SMTP server took the mail and "failed" when it could not be reached', async () => {
    const smtp = await fakeSmtpServer();
    // Second apps on the same database: only the SMTP settings differ; the coach's session works in all of them.
    const env = { AUTH_SECRET: SECRET, PUBLIC_URL: 'https://groeipad.example.org', SMTP_HOST: '127.0.0.1' };
    const delivering = await createTestApp({ ...env, SMTP_PORT: String(smtp.port) }, { database: t.database });
    // Port 1: nothing listens there, the connection is refused at once.
    const failing = await createTestApp({ ...env, SMTP_PORT: '1' }, { database: t.database });
    try {
      const w = await workplace(t);
      const inviteThrough = (app: TestApp, email: string) =>
        call(app, w.coach.cookie, {
          method: 'POST',
          url: `/api/v1/participants/${w.participant.id}/mentor-invitations`,
          payload: invitationBody({ mentorEmail: email }),
        });
      const sent = await inviteThrough(delivering, 'ontvangen@stageplek.example.org');
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json().mailDelivery).toBe('sent');
      const failed = await inviteThrough(failing, 'mislukt@stageplek.example.org');
      expect(failed.statusCode, failed.body).toBe(201);
      // The invitation stands, and the link is in the answer: the coach can pass it on.
      expect(failed.json()).toMatchObject({ mailDelivery: 'failed', link: expect.stringContaining('/mentor/') });

      const outbox = await db.select().from(mailOutbox).where(eq(mailOutbox.organisationId, w.orgId));
      const to = (address: string) => outbox.find((m) => m.to === address);
      expect(to('ontvangen@stageplek.example.org')).toMatchObject({ deliveredAt: expect.any(Date), failedAt: null });
      expect(to('mislukt@stageplek.example.org')).toMatchObject({ deliveredAt: null, failedAt: expect.any(Date) });

      // Sending again through a working server: the status follows the last mail.
      const again = await call(delivering, w.coach.cookie, {
        method: 'POST',
        url: `/api/v1/mentor-invitations/${failed.json().id}/resend`,
      });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json().mailDelivery).toBe('sent');
      const listed = await call(t, w.coach.cookie, {
        method: 'GET',
        url: `/api/v1/participants/${w.participant.id}/mentor-invitations`,
      });
      expect(listed.json().items.map((i: { mailDelivery: string }) => i.mailDelivery)).toEqual(['sent', 'sent']);
    } finally {
      await delivering.close();
      await failing.close();
      await smtp.close();
    }
  });
});
