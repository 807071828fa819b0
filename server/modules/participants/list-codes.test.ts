import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInListItems, type ListKind } from '#shared/lists';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, buildTeam, loggedIn } from '../../../test/support/factories';
import type { Db } from '../../db/client';
import { careerEvents, consents, indications, participants } from '../../db/schema';

/** Dossier fields that hold a code of a configurable list accept only the organisation's active codes. */

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });

/**
 * An organisation whose lists each have one own item ('eigen') and one built-in switched off (`off`),
 * and a coach logged in.
 */
async function organisationWithLists() {
  const org = await buildOrganisation(db);
  const team = await buildTeam(db, { organisationId: org.id });
  const admin = await loggedIn(t.app, db, 'admin', org.id);
  const coach = await loggedIn(t.app, db, 'coach', org.id);
  const off: Record<ListKind, string> = {
    programme_type: 'arbeidszorg',
    exit_destination: 'art60',
    consent_kind: 'share_progress_with_referrer',
    indication_type: 'pmp',
    life_domain: 'justice',
  };
  for (const kind of Object.keys(off) as ListKind[]) {
    const items = [
      ...builtInListItems[kind].map((i) => ({ code: i.code, label: i.label, active: i.code !== off[kind] })),
      { code: 'eigen', label: 'Eigen item', active: true },
    ];
    const res = await call(admin.cookie, { method: 'PUT', url: `/api/v1/lists/${kind}`, payload: { items } });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { orgId: org.id, team, coach, off };
}

const registration = (siteId: string, programmeType: string) => ({
  firstName: 'Lotte',
  lastName: `Janssens ${crypto.randomUUID().slice(0, 8)}`,
  dateOfBirth: '1988-07-01',
  siteId,
  programmeType,
  intakeDate: '2024-02-01',
});

describe('programme type', () => {
  it('registers with an active built-in or own code; refuses an unknown or switched-off one and writes nothing', async () => {
    const w = await organisationWithLists();
    for (const code of ['maatwerk', 'eigen']) {
      const res = await call(w.coach.cookie, {
        method: 'POST',
        url: '/api/v1/participants',
        payload: registration(w.team.siteId, code),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().programmeType).toBe(code);
    }
    for (const code of ['onbekend', w.off.programme_type]) {
      const payload = registration(w.team.siteId, code);
      const res = await call(w.coach.cookie, { method: 'POST', url: '/api/v1/participants', payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields).toEqual({ programmeType: 'not_in_list' });
      expect(await db.select().from(participants).where(eq(participants.lastName, payload.lastName))).toEqual([]);
    }
  });

  it('on update keeps a code switched off since, but refuses a switch to one; the rest of the body is not written', async () => {
    const w = await organisationWithLists();
    const p = await buildParticipant(db, {
      organisationId: w.orgId,
      coachId: w.coach.user.id,
      programmeType: w.off.programme_type,
    });
    const url = `/api/v1/participants/${p.id}`;
    const kept = await call(w.coach.cookie, {
      method: 'PATCH',
      url,
      payload: { programmeType: w.off.programme_type, firstName: 'Blijft' },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ programmeType: w.off.programme_type, firstName: 'Blijft' });

    const moved = await call(w.coach.cookie, { method: 'PATCH', url, payload: { programmeType: 'eigen' } });
    expect(moved.statusCode).toBe(200);
    const back = await call(w.coach.cookie, {
      method: 'PATCH',
      url,
      payload: { programmeType: w.off.programme_type, firstName: 'Veranderd' },
    });
    expect(back.statusCode).toBe(400);
    expect(back.json().error.fields).toEqual({ programmeType: 'not_in_list' });
    const [row] = await db.select().from(participants).where(eq(participants.id, p.id));
    expect(row).toMatchObject({ programmeType: 'eigen', firstName: 'Blijft' });
  });
});

describe('exit destination', () => {
  it('takes an active code and refuses an unknown or switched-off one without recording the event', async () => {
    const w = await organisationWithLists();
    for (const [code, status] of [
      ['onbekend', 400],
      [w.off.exit_destination, 400],
      ['eigen', 201],
    ] as const) {
      const p = await buildParticipant(db, { organisationId: w.orgId, coachId: w.coach.user.id });
      const res = await call(w.coach.cookie, {
        method: 'POST',
        url: `/api/v1/participants/${p.id}/career-events`,
        payload: { kind: 'exit', date: '2024-06-01', exitDestination: code },
      });
      expect(res.statusCode, res.body).toBe(status);
      const events = await db.select().from(careerEvents).where(eq(careerEvents.participantId, p.id));
      if (status === 400) {
        expect(res.json().error.fields).toEqual({ exitDestination: 'not_in_list' });
        expect(events.map((e) => e.kind)).toEqual(['intake', 'start']);
        const [row] = await db.select().from(participants).where(eq(participants.id, p.id));
        expect(row?.status).toBe('active');
      } else {
        expect(res.json().status).toBe('exited');
        expect(events.at(-1)).toMatchObject({ kind: 'exit', exitDestination: 'eigen' });
      }
    }
  });
});

describe('consent kind', () => {
  it('records an active kind and refuses an unknown or switched-off one', async () => {
    const w = await organisationWithLists();
    const p = await buildParticipant(db, { organisationId: w.orgId, coachId: w.coach.user.id });
    const url = `/api/v1/participants/${p.id}/consents`;
    for (const kind of ['onbekend', w.off.consent_kind]) {
      const res = await call(w.coach.cookie, { method: 'POST', url, payload: { kind, granted: true } });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ kind: 'not_in_list' });
    }
    expect(await db.select().from(consents).where(eq(consents.participantId, p.id))).toEqual([]);
    const ok = await call(w.coach.cookie, { method: 'POST', url, payload: { kind: 'eigen', granted: false } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().confidential.consents).toMatchObject([{ kind: 'eigen', granted: false }]);
  });
});

describe('indication type', () => {
  it('refuses a new unknown or switched-off type on its item; keeps one the dossier already has', async () => {
    const w = await organisationWithLists();
    const p = await buildParticipant(db, { organisationId: w.orgId, coachId: w.coach.user.id });
    const url = `/api/v1/participants/${p.id}/indications`;
    const item = (type: string) => ({ type, supportLevel: 'medium', validFrom: '2024-01-01' });
    // Stored while pmp was still active (directly: the list has switched it off since).
    await db
      .insert(indications)
      .values({ organisationId: w.orgId, participantId: p.id, ...item(w.off.indication_type), supportLevel: 'low' });

    const refused = await call(w.coach.cookie, {
      method: 'PUT',
      url,
      payload: { items: [item('pmah'), item('onbekend')] },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ 'items.1.type': 'not_in_list' });
    const stored = await db.select().from(indications).where(eq(indications.participantId, p.id));
    expect(stored.map((i) => i.type)).toEqual([w.off.indication_type]);

    const kept = await call(w.coach.cookie, {
      method: 'PUT',
      url,
      payload: { items: [item(w.off.indication_type), item('eigen')] },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(
      kept
        .json()
        .confidential.indications.map((i: { type: string }) => i.type)
        .sort(),
    ).toEqual(['eigen', 'pmp']);

    // Once no indication of the dossier has it, the switched-off type cannot come back.
    await call(w.coach.cookie, { method: 'PUT', url, payload: { items: [] } });
    const again = await call(w.coach.cookie, { method: 'PUT', url, payload: { items: [item(w.off.indication_type)] } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual({ 'items.0.type': 'not_in_list' });
  });
});
