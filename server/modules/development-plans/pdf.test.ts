import { asc, gt, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import type { Content } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlanVersion, planContent } from '#shared/development-plans';
import { createTestApp, type TestApp } from '../../../test/support/app';
import {
  buildAgreedPlan,
  buildDraft,
  buildPopWorkplace,
  planContentFixture,
} from '../../../test/support/factories-development-plans';
import type { Db } from '../../db/client';
import { auditLog, developmentPlanPresentations } from '../../db/schema';
import { dutchDay, planDocument } from './pdf-render';

let t: TestApp;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
});
afterAll(() => t.close());

const call = (cookie: string, options: InjectOptions) =>
  t.app.inject({ ...options, headers: { ...options.headers, cookie } });

/** Every string in a pdfmake document, in reading order. */
function textsOf(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    return ['text', 'stack', 'ul', 'columns', 'table', 'body'].flatMap((k) => (k in n ? textsOf(n[k]) : []));
  }
  return [];
}

const SKILL = '11111111-1111-4111-8111-111111111111';
const version = (overrides: Partial<PlanVersion> = {}): PlanVersion => ({
  number: 3,
  status: 'agreed',
  revision: 4,
  content: planContentFixture({
    escoOccupation: { uri: 'http://data.europa.eu/esco/occupation/x', label: 'Tuinier' },
    competencies: {
      genericCurrent: ['samenwerken'],
      genericFuture: ['stiptheid'],
      technicalCurrent: [SKILL],
      technicalFuture: [],
    },
  }),
  evidence: {
    competencies: [
      {
        key: 'samenwerken',
        name: 'Samenwerken',
        latest: { supervisor: { score: 3, on: '2025-02-01' }, self: { score: 4, on: '2025-02-02' } },
        scaleMax: 4,
        currentExpected: 2,
        targetExpected: 4,
      },
      { key: 'stiptheid', name: 'Stiptheid', latest: {}, scaleMax: 4, currentExpected: null, targetExpected: 3 },
    ],
    skills: [{ id: SKILL, name: 'Bosmaaier', group: 'Machines', team: 'Groen', level: 3, on: '2025-03-01' }],
    asOf: '2025-03-10T09:00:00.000Z',
  },
  createdAt: '2025-03-01T09:00:00.000Z',
  createdBy: null,
  updatedAt: '2025-03-09T09:00:00.000Z',
  updatedBy: null,
  participantAgreedAt: '2025-03-09T15:00:00.000Z',
  coachAgreedAt: '2025-03-10T09:00:00.000Z',
  coachAgreedBy: { id: 'c1', name: 'Ann Coach' },
  agreedAt: '2025-03-10T09:00:00.000Z',
  ...overrides,
});

describe('the POP document', () => {
  it('puts the participant first and lays out every part of the plan in Dutch', () => {
    const v = version();
    const doc = planDocument({
      participantName: 'Sam Peeters',
      version: v,
      presentations: [{ presentedOn: '2025-04-02', occasion: 'team_meeting' }],
    });
    const texts = textsOf(doc.content as Content);
    const at = (s: string) => texts.findIndex((x) => x.includes(s));
    expect(texts.slice(0, 3)).toEqual(['Mijn persoonlijk ontwikkelingsplan', 'Sam Peeters', 'Versie 3']);
    for (const s of [
      'Afgesproken op 10 maart 2025',
      'Ik ging akkoord op 9 maart 2025.',
      'Coach Ann Coach ging akkoord op 10 maart 2025.',
      v.content.summary,
      'ESCO-beroep: Tuinier',
      v.content.dreams,
      'Uitvoerend werk: een duidelijke taak die ik afwerk.',
      v.content.workModeReason,
      `Doel 1: ${v.content.goals[0]?.what}`,
      v.content.goals[0]?.evidence as string,
      dutchDay('2026-09-30'),
      v.content.actions[0]?.what as string,
      'Mijn werkleider (Sara)',
      'Werkleider',
      'Nog te doen',
      'Samenwerken',
      '3/4',
      'Bosmaaier (Machines)',
      'U (1 maart 2025)',
      v.content.support,
      '1 december 2026',
      'Teamvergadering op 2 april 2025',
    ]) {
      expect(at(s), s).toBeGreaterThanOrEqual(0);
    }
    // "Begeleider" meant the werkleider here but the coach elsewhere in the portal: the PDF no longer uses it.
    expect(texts.filter((x) => /begeleider/i.test(x))).toEqual([]);
    // The participant's own words come before goals, actions and scores.
    expect(at('Wie ben ik')).toBeLessThan(at('Mijn doelen'));
    expect(at(v.content.summary)).toBeLessThan(at('Mijn acties'));
    expect(at('Wat ik nu kan')).toBeLessThan(at('Wat ik wil leren'));
    expect(doc.info?.title).toBe('Mijn persoonlijk ontwikkelingsplan – Sam Peeters – versie 3');
    const footer = (doc.footer as (page: number, pages: number) => Content)(2, 5);
    expect(textsOf(footer)).toContain('Pagina 2 van 5');
  });

  it('says so when a part is empty instead of leaving a hole', () => {
    const doc = planDocument({
      participantName: 'Sam',
      version: version({
        content: planContent.parse({}),
        evidence: { competencies: [], skills: [], asOf: '2025-03-10T09:00:00.000Z' },
      }),
      presentations: [],
    });
    expect(textsOf(doc.content as Content).filter((x) => x === 'Nog niet ingevuld.').length).toBeGreaterThanOrEqual(8);
  });
});

describe('GET /participants/:id/pop/versions/:number/pdf', () => {
  it('answers the agreed version as a PDF, audited; a draft answers 409', async () => {
    const w = await buildPopWorkplace(t.app, db);
    await buildAgreedPlan(db, { organisationId: w.orgId, participantId: w.participant.id });
    await buildDraft(db, { organisationId: w.orgId, participantId: w.participant.id, number: 2 });
    await db.insert(developmentPlanPresentations).values({
      organisationId: w.orgId,
      participantId: w.participant.id,
      versionNumber: 1,
      presentedOn: '2025-05-01',
      occasion: 'closing_event',
    });
    const before = (await db.select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` }).from(auditLog))[0]
      ?.max as number;
    const url = `/api/v1/participants/${w.participant.id}/pop/versions`;
    const res = await call(w.self.cookie, { method: 'GET', url: `${url}/1/pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="pop-versie-1.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The title is in the document information as UTF-16 (it holds a dash): look for the name there.
    const utf16 = (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]);
    expect(res.rawPayload.includes(utf16('Sam Peeters').subarray(2))).toBe(true);
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, before)).orderBy(asc(auditLog.id));
    expect(rows).toEqual([
      expect.objectContaining({ action: 'pop.pdf', targetId: w.participant.id, details: { number: 1 } }),
    ]);

    const draft = await call(w.coach.cookie, { method: 'GET', url: `${url}/2/pdf` });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().error.code).toBe('conflict');
    expect((await call(w.coach.cookie, { method: 'GET', url: `${url}/9/pdf` })).statusCode).toBe(404);
    const stranger = await w.as('participant');
    expect((await call(stranger.cookie, { method: 'GET', url: `${url}/1/pdf` })).statusCode).toBe(404);
  });
});
