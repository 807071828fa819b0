import { and, eq, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '#shared/privacy';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, buildUser, loggedIn, login } from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { auditLog, careerEvents, observations, participants, ratings, skillLevels } from '../../db/schema';
import { exportFileName } from './export';
import { buildFullDossier } from './test-fixtures';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });
const REASON = 'Vraag van de deelnemer per e-mail van 3 december';

const exportAs = (cookie: string, id: string, body: Record<string, unknown> = { format: 'json', reason: REASON }) =>
  call(cookie, { method: 'POST', url: `/api/v1/participants/${id}/privacy/export`, payload: body });
const anonymiseAs = (cookie: string, id: string, confirmName: string, reason = REASON) =>
  call(cookie, {
    method: 'POST',
    url: `/api/v1/participants/${id}/privacy/anonymise`,
    payload: { reason, confirmName },
  });

async function adminOf(organisationId: string) {
  return (await loggedIn(t.app, db, 'admin', organisationId)).cookie;
}

/** Every row of every table that carries organisation_id, as text, read as the owner (no row-level security). */
async function organisationDump(organisationId: string) {
  const tables = await db.execute<{ table_name: string }>(sql`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'organisation_id' order by table_name`);
  const rowsOf = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? (r as unknown[])) as Record<string, string>[];
  const dump: string[] = [];
  const names = rowsOf(tables).map((r) => r.table_name ?? '');
  for (const name of names) {
    const rows = await db.execute(
      sql`select t::text as line from ${sql.identifier(name)} t where organisation_id = ${organisationId}`,
    );
    for (const row of rowsOf(rows)) dump.push(`${name}: ${row.line ?? ''}`);
  }
  return { text: dump.join('\n').toLowerCase(), tables: names };
}

describe('POST /participants/:id/privacy/export', () => {
  it('answers one JSON document that validates and holds every section', async () => {
    const d = await buildFullDossier(db);
    const res = await exportAs(await adminOf(d.organisationId), d.participant.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="groeipad-export-${d.lastName.toLowerCase()}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    const doc = exportDocument.parse(res.json());
    expect(doc.participant).toMatchObject({ firstName: 'Marieke', lastName: d.lastName, email: d.email });
    expect(doc.participant.login?.username).toBe(d.login.username);
    expect(doc.coaches).toHaveLength(1);
    expect(doc.careerEvents.find((e) => e.kind === 'exit')?.note).toContain(d.secret);
    expect(doc.indications[0]?.note).toContain(d.secret);
    expect(doc.stakeholders[0]?.name).toContain(d.secret);
    expect(doc.consents).toHaveLength(1);
    expect(doc.observations.map((o) => o.raterKind).sort()).toEqual(['coach', 'mentor', 'self']);
    const coach = doc.observations.find((o) => o.raterKind === 'coach');
    expect(coach?.ratings.map((r) => r.competency)).toHaveLength(2);
    expect(coach?.ratings[0]?.note).toContain(d.secret);
    expect(doc.observations.find((o) => o.raterKind === 'mentor')?.raterName).toContain(d.secret);
    expect(doc.feedbackConversations[0]?.agreements).toContain(d.secret);
    expect(doc.mentorLinks[0]).toMatchObject({ mentorEmail: d.mentor.mentorEmail, status: 'expired' });
    expect(JSON.stringify(doc.mentorLinks)).not.toContain(d.mentor.tokenHash);
    expect(doc.skillLevels[0]).toMatchObject({ level: 3 });
    expect(doc.developmentPlan.versions[0]?.content.summary).toContain(d.secret);
    expect(doc.developmentPlan.goalNotes[0]?.text).toContain(d.secret);
    expect(doc.developmentPlan.proposals[0]?.message).toContain(d.secret);
    expect(doc.pathwayPlacements).toHaveLength(1);
    expect(doc.sensitive.papDomains[0]?.hinderingFactors).toContain(d.secret);
    // Staff-only items too: the person has a right to them.
    expect(doc.sensitive.papActions[0]).toMatchObject({ staffOnly: true });
    const result = doc.sensitive.instrumentResults[0];
    expect(result?.values.find((v) => v.key === 'score')).toMatchObject({ label: 'Score (1–5)', value: 4 });
    expect(result?.attachments[0]?.fileName).toBe(d.attachment.fileName);
    expect(Buffer.from(result?.attachments[0]?.contentBase64 ?? '', 'base64').toString()).toContain('%PDF');
    expect(doc.sensitive.accessGrants[0]?.reason).toContain(d.secret);
    expect(doc.auditTrail.map((a) => a.action)).toEqual(['participant.read']);
  });

  it('answers a PDF for format pdf', async () => {
    const d = await buildFullDossier(db);
    const res = await exportAs(await adminOf(d.organisationId), d.participant.id, { format: 'pdf', reason: REASON });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/filename="groeipad-export-.*\.pdf"$/);
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('records the export with reason and format, and says when the admin reached the compartment by legal duty', async () => {
    const d = await buildFullDossier(db);
    const admin = await loggedIn(t.app, db, 'admin', d.organisationId);
    expect((await exportAs(admin.cookie, d.participant.id)).statusCode).toBe(200);
    const coach = await buildUser(db, { organisationId: d.organisationId, role: 'coach' });
    await db.execute(
      sql`insert into participant_coaches (organisation_id, participant_id, user_id) values (${d.organisationId}, ${d.participant.id}, ${coach.id})`,
    );
    const coachCookie = await login(t.app, coach);
    expect((await exportAs(coachCookie, d.participant.id, { format: 'pdf', reason: REASON })).statusCode).toBe(200);
    const rows = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privacy.exported'), eq(auditLog.targetId, d.participant.id)))
      .orderBy(auditLog.id);
    expect(rows.map((r) => [r.actorId, r.reason, r.details])).toEqual([
      [admin.user.id, REASON, { format: 'json', includesSensitive: true, sensitiveVia: 'legal_duty' }],
      [coach.id, REASON, { format: 'pdf', includesSensitive: true, sensitiveVia: 'caseload' }],
    ]);
  });

  it('answers 404 to a coach of another caseload and 403 to roles that may not export', async () => {
    const d = await buildFullDossier(db);
    const other = await loggedIn(t.app, db, 'coach', d.organisationId);
    expect((await exportAs(other.cookie, d.participant.id)).statusCode).toBe(404);
    for (const role of ['supervisor', 'trainer', 'manager', 'participant'] as const) {
      const someone = await loggedIn(t.app, db, role, d.organisationId);
      expect((await exportAs(someone.cookie, d.participant.id)).json().error.code).toBe('forbidden');
    }
    const foreign = await adminOf((await buildOrganisation(db)).id);
    expect((await exportAs(foreign, d.participant.id)).statusCode).toBe(404);
  });

  it('refuses a missing or short reason and an unknown format with field errors', async () => {
    const p = await buildParticipant(db);
    const cookie = await adminOf(p.organisationId);
    const short = await exportAs(cookie, p.id, { format: 'json', reason: 'kort' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toHaveProperty('reason');
    const missing = await exportAs(cookie, p.id, { format: 'json' });
    expect(missing.json().error.fields).toHaveProperty('reason');
    const format = await exportAs(cookie, p.id, { format: 'xml', reason: REASON });
    expect(format.json().error.fields).toHaveProperty('format');
  });

  it('makes a safe file name from any last name', () => {
    expect(exportFileName('Van den Broeck-Çelik', 'json', '2026-03-01')).toBe(
      'groeipad-export-van-den-broeck-celik-2026-03-01.json',
    );
    expect(exportFileName('"; rm', 'pdf', '2026-03-01')).toBe('groeipad-export-rm-2026-03-01.pdf');
    expect(exportFileName('???', 'pdf', '2026-03-01')).toBe('groeipad-export-deelnemer-2026-03-01.pdf');
  });
});

describe('POST /participants/:id/privacy/anonymise', () => {
  const counts = async (participantId: string) => {
    const count = async (table: typeof ratings | typeof careerEvents | typeof skillLevels | typeof observations) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(eq(table.participantId, participantId)))[0]
        ?.n;
    return {
      ratings: await count(ratings),
      observations: await count(observations),
      careerEvents: await count(careerEvents),
      skillLevels: await count(skillLevels),
    };
  };

  it('erases every trace of the name, e-mail and notes and keeps the statistical skeleton', async () => {
    const d = await buildFullDossier(db);
    const admin = await loggedIn(t.app, db, 'admin', d.organisationId);
    const before = await counts(d.participant.id);
    const beforeDump = await organisationDump(d.organisationId);
    // Every table of the compartment, the POP, the audit log and the login is part of the search.
    expect(beforeDump.tables).toEqual(
      expect.arrayContaining(['audit_log', 'user', 'session', 'account', 'mail_outbox', 'instrument_attachments']),
    );
    for (const word of [d.lastName, d.email, d.secret]) expect(beforeDump.text).toContain(word.toLowerCase());

    const res = await anonymiseAs(admin.cookie, d.participant.id, `  marieke ${d.lastName.toUpperCase()} `);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ participantId: d.participant.id, anonymisedAt: expect.any(String) });

    const after = await organisationDump(d.organisationId);
    for (const word of [d.lastName, d.email, d.secret, d.login.username as string, d.mentor.mentorEmail]) {
      expect(after.text).not.toContain(word.toLowerCase());
    }
    expect(await counts(d.participant.id)).toEqual(before);

    const [row] = await db.select().from(participants).where(eq(participants.id, d.participant.id));
    expect(row).toMatchObject({
      firstName: 'Anoniem',
      dateOfBirth: '1990-01-01',
      email: null,
      phone: null,
      address: null,
      referrerContact: null,
      userId: null,
      status: 'exited',
      programmeType: d.participant.programmeType,
    });
    expect(row?.lastName).toMatch(/^Deelnemer [0-9A-F]{4}$/);
    expect(row?.anonymisedAt).not.toBeNull();
    expect(row?.archivedAt).not.toBeNull();
    const [exit] = await db
      .select()
      .from(careerEvents)
      .where(and(eq(careerEvents.participantId, d.participant.id), eq(careerEvents.kind, 'exit')));
    expect(exit).toMatchObject({ date: '2024-06-01', exitDestination: 'regular_job', note: null });

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'privacy.anonymised'), eq(auditLog.targetId, d.participant.id)));
    expect(audit).toMatchObject({ actorId: admin.user.id, reason: REASON });
    expect(JSON.stringify(audit)).not.toContain(d.lastName);
  });

  it('leaves a dossier that reads as Anoniem, a compartment that answers 404 and an export without the person', async () => {
    const d = await buildFullDossier(db);
    const admin = await adminOf(d.organisationId);
    expect((await anonymiseAs(admin, d.participant.id, `Marieke ${d.lastName}`)).statusCode).toBe(200);
    const dossier = await call(admin, { method: 'GET', url: `/api/v1/participants/${d.participant.id}` });
    expect(dossier.json().firstName).toBe('Anoniem');
    const coach = await login(t.app, { loginName: await coachLoginOf(d.coachId), password: d.login.password });
    const pap = await call(coach, { method: 'GET', url: `/api/v1/participants/${d.participant.id}/pap` });
    expect(pap.statusCode).toBe(404);
    const exported = await exportAs(admin, d.participant.id);
    expect(exported.statusCode).toBe(200);
    const text = exported.body.toLowerCase();
    for (const word of [d.lastName, d.email, d.secret]) expect(text).not.toContain(word.toLowerCase());
    const doc = exportDocument.parse(exported.json());
    expect(doc.sensitive).toEqual({ papDomains: [], papActions: [], instrumentResults: [], accessGrants: [] });
    expect(doc.observations).toHaveLength(3);
  });

  it('ends the login: the participant can no longer log in', async () => {
    const d = await buildFullDossier(db);
    expect(await login(t.app, d.login)).toBeTruthy();
    expect(
      (await anonymiseAs(await adminOf(d.organisationId), d.participant.id, `Marieke ${d.lastName}`)).statusCode,
    ).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { identifier: d.login.loginName, password: d.login.password },
    });
    expect(res.statusCode).toBe(401);
  });

  it('refuses a wrong name (400 confirm_mismatch), an open trajectory and a second erasure (409)', async () => {
    const d = await buildFullDossier(db);
    const admin = await adminOf(d.organisationId);
    const wrong = await anonymiseAs(admin, d.participant.id, 'Marieke Iemand');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({ confirmName: 'confirm_mismatch' });
    const active = await buildParticipant(db, { organisationId: d.organisationId, status: 'active' });
    const open = await anonymiseAs(admin, active.id, `${active.firstName} ${active.lastName}`);
    expect(open.statusCode).toBe(409);
    expect((await anonymiseAs(admin, d.participant.id, `Marieke ${d.lastName}`)).statusCode).toBe(200);
    const again = await anonymiseAs(admin, d.participant.id, `Marieke ${d.lastName}`);
    expect(again.statusCode).toBe(409);
    expect((await anonymiseAs(admin, crypto.randomUUID(), 'Iemand')).statusCode).toBe(404);
    const [still] = await db.select().from(participants).where(eq(participants.id, active.id));
    expect(still?.anonymisedAt).toBeNull();
  });

  it('is for the admin only', async () => {
    const d = await buildFullDossier(db);
    for (const role of ['coach', 'manager', 'supervisor'] as const) {
      const someone = await loggedIn(t.app, db, role, d.organisationId);
      expect((await anonymiseAs(someone.cookie, d.participant.id, `Marieke ${d.lastName}`)).statusCode).toBe(403);
    }
  });

  it('keeps the audit log append-only for everything but the erased actor name', async () => {
    const d = await buildFullDossier(db);
    const refusal = async (statement: ReturnType<typeof sql>) => {
      try {
        await db.execute(statement);
        return 'accepted';
      } catch (err) {
        return String((err as { cause?: unknown }).cause ?? err);
      }
    };
    expect(await refusal(sql`update audit_log set reason = 'x' where actor_id = ${d.login.id}`)).toMatch(/append-only/);
    expect(await refusal(sql`update audit_log set actor_name = 'Iemand' where actor_id = ${d.login.id}`)).toMatch(
      /append-only/,
    );
    expect(
      await refusal(sql`update audit_log set actor_name = null, reason = 'x' where actor_id = ${d.login.id}`),
    ).toMatch(/append-only/);
    expect(await refusal(sql`delete from audit_log where actor_id = ${d.login.id}`)).toMatch(/append-only/);
  });
});

async function coachLoginOf(coachId: string) {
  const rows = await db.execute(sql`select email from "user" where id = ${coachId}`);
  const list = ((rows as { rows?: unknown[] }).rows ?? rows) as { email: string }[];
  return list[0]?.email ?? '';
}
