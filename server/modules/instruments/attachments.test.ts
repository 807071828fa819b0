import { createHash } from 'node:crypto';
import { eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '#shared/instruments';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildOrganisation, buildParticipant, loggedIn } from '../../../test/support/factories';
import {
  buildAttachment,
  buildInstrumentResult,
  tinyJpeg,
  tinyPdf,
  tinyPng,
} from '../../../test/support/factories-instruments';
import { auditLog, instrumentAttachments } from '../../db/schema';
import { contentDisposition, sanitizeFileName } from './file-type';

let t: TestApp;
let orgId: string;
let coach: { user: { id: string }; cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  orgId = (await buildOrganisation(t.database.db)).id;
  coach = await loggedIn(t.app, t.database.db, 'coach', orgId);
});
afterAll(() => t.close());

const db = () => t.database.db;

/** A result of a participant on the coach's caseload. */
async function result() {
  const p = await buildParticipant(db(), { organisationId: orgId, coachId: coach.user.id });
  const r = await buildInstrumentResult(db(), { participantId: p.id });
  return { p, r, base: `/api/v1/participants/${p.id}/instrument-results/${r.id}/attachments` };
}

const upload = (url: string, fileName: string, contentType: string, payload: Buffer, cookie = coach.cookie) =>
  t.app.inject({
    method: 'POST',
    url: `${url}?fileName=${encodeURIComponent(fileName)}`,
    headers: { cookie, 'content-type': contentType },
    payload,
  });

const filesOf = async (resultId: string) =>
  db().select().from(instrumentAttachments).where(eq(instrumentAttachments.resultId, resultId));

describe('attachments', () => {
  it('a PDF is stored with its hash and downloaded byte-identical, with safe headers', async () => {
    const { r, base } = await result();
    const bytes = Buffer.concat([tinyPdf(), Buffer.from([0, 1, 2, 255, 254])]);
    const res = await upload(base, 'Verslag ASI — juni.pdf', 'application/pdf', bytes);
    expect(res.statusCode, res.body).toBe(201);
    const added = res.json();
    expect(added).toMatchObject({
      fileName: 'Verslag ASI _ juni.pdf',
      mediaType: 'application/pdf',
      size: bytes.length,
    });
    const [row] = await filesOf(r.id);
    expect(row?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const file = await t.app.inject({ method: 'GET', url: `${base}/${added.id}`, headers: { cookie: coach.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Verslag ASI _ juni.pdf"; filename*=UTF-8''Verslag%20ASI%20_%20juni.pdf`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['cache-control']).toBe('no-store');

    const list = await t.app.inject({
      method: 'GET',
      url: base.replace(`/${r.id}/attachments`, ''),
      headers: { cookie: coach.cookie },
    });
    expect(list.json().items[0].attachments).toEqual([added]);
  });

  it('PNG and JPEG (.jpg and .jpeg) are accepted too', async () => {
    const { r, base } = await result();
    expect((await upload(base, 'foto.png', 'image/png', tinyPng())).statusCode).toBe(201);
    expect((await upload(base, 'foto.JPG', 'image/jpeg', tinyJpeg())).statusCode).toBe(201);
    expect((await upload(base, 'foto.jpeg', 'image/jpeg; charset=binary', tinyJpeg())).statusCode).toBe(201);
    expect(await filesOf(r.id)).toHaveLength(3);
  });

  it.each([
    ['a .pdf name with PNG bytes', 'scan.pdf', 'application/pdf', tinyPng()],
    ['PNG bytes sent as image/png named .pdf', 'scan.pdf', 'image/png', tinyPng()],
    ['a .exe named as what it is', 'setup.exe', 'application/pdf', tinyPdf()],
    ['a program sent as octet-stream', 'setup.exe', 'application/octet-stream', Buffer.from('MZ\x90\x00')],
    ['JSON', 'data.pdf', 'application/json', Buffer.from('{"a":1}')],
    ['a JPEG without an extension', 'foto', 'image/jpeg', tinyJpeg()],
  ])('refuses %s with 415 and stores nothing', async (_, name, type, bytes) => {
    const { r, base } = await result();
    const res = await upload(base, name, type, bytes);
    expect(res.statusCode, res.body).toBe(415);
    expect(res.json().error.code).toBe('unsupported_file');
    expect(await filesOf(r.id)).toEqual([]);
  });

  it('refuses a file above the limit with 413 and an empty one with 400; nothing stored', async () => {
    const { r, base } = await result();
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    tinyPdf().copy(big);
    const tooBig = await upload(base, 'groot.pdf', 'application/pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
    const justOver = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20);
    tinyPdf().copy(justOver);
    expect((await upload(base, 'net-te-groot.pdf', 'application/pdf', justOver)).statusCode).toBe(413);
    const empty = await upload(base, 'leeg.pdf', 'application/pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('empty_file');
    expect(await filesOf(r.id)).toEqual([]);
  });

  it('refuses a bad file name as a field error', async () => {
    const { base } = await result();
    const res = await upload(base, '../../etc/passwd.pdf', 'application/pdf', tinyPdf());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('fileName');
  });

  it("another participant's result or attachment is not found; delete removes the file, audited", async () => {
    const mine = await result();
    const theirs = await result();
    const file = await buildAttachment(db(), { resultId: theirs.r.id });
    const crossUpload = await upload(
      `/api/v1/participants/${mine.p.id}/instrument-results/${theirs.r.id}/attachments`,
      'x.pdf',
      'application/pdf',
      tinyPdf(),
    );
    expect(crossUpload.statusCode).toBe(404);
    const crossRead = await t.app.inject({
      method: 'GET',
      url: `/api/v1/participants/${mine.p.id}/instrument-results/${theirs.r.id}/attachments/${file.id}`,
      headers: { cookie: coach.cookie },
    });
    expect(crossRead.statusCode).toBe(404);
    const wrongResult = await t.app.inject({
      method: 'GET',
      url: `${mine.base}/${file.id}`,
      headers: { cookie: coach.cookie },
    });
    expect(wrongResult.statusCode).toBe(404);
    expect(await filesOf(mine.r.id)).toEqual([]);

    const before = (
      await db()
        .select({ max: sql<number>`coalesce(max(${auditLog.id}), 0)::int` })
        .from(auditLog)
    )[0]?.max as number;
    const read = await t.app.inject({
      method: 'GET',
      url: `${theirs.base}/${file.id}`,
      headers: { cookie: coach.cookie },
    });
    expect(read.statusCode).toBe(200);
    const del = await t.app.inject({
      method: 'DELETE',
      url: `${theirs.base}/${file.id}`,
      headers: { cookie: coach.cookie },
    });
    expect(del.statusCode).toBe(204);
    expect(await filesOf(theirs.r.id)).toEqual([]);
    const again = await t.app.inject({
      method: 'DELETE',
      url: `${theirs.base}/${file.id}`,
      headers: { cookie: coach.cookie },
    });
    expect(again.statusCode).toBe(404);
    const rows = await db().select().from(auditLog).where(gt(auditLog.id, before)).orderBy(auditLog.id);
    expect(rows.map((row) => [row.action, row.targetId])).toEqual([
      ['instrument.attachment_read', file.id],
      ['instrument.attachment_deleted', file.id],
    ]);
    expect(JSON.stringify(rows)).not.toContain(file.fileName);
  });

  it('a supervisor may not download; a coach without access must break the glass', async () => {
    const { base } = await result();
    const { r } = await result();
    const file = await buildAttachment(db(), { resultId: r.id });
    const supervisor = await loggedIn(t.app, db(), 'supervisor', orgId);
    const other = await loggedIn(t.app, db(), 'coach', orgId);
    const url = `${base.replace(/[^/]+\/attachments$/, `${r.id}/attachments`)}/${file.id}`;
    const bySupervisor = await t.app.inject({ method: 'GET', url, headers: { cookie: supervisor.cookie } });
    expect(bySupervisor.statusCode).toBe(403);
    const byOther = await t.app.inject({ method: 'GET', url, headers: { cookie: other.cookie } });
    expect(byOther.statusCode).toBe(403);
    expect(byOther.json().error.code).toBe('break_glass_required');
    const upload403 = await upload(base, 'x.pdf', 'application/pdf', tinyPdf(), other.cookie);
    expect(upload403.json().error.code).toBe('break_glass_required');
  });
});

describe('file names', () => {
  it('keeps letters, digits and . _ - ( ) and replaces the rest', () => {
    expect(sanitizeFileName('Rapport "dokter" <2024>.pdf')).toBe('Rapport _dokter_ _2024_.pdf');
    expect(sanitizeFileName('Één   résumé.jpeg')).toBe('Één résumé.jpeg');
  });

  it('sends an ASCII fallback and the exact name encoded (RFC 5987)', () => {
    expect(contentDisposition("Één (kopie)'s.pdf")).toBe(
      `attachment; filename="__n (kopie)'s.pdf"; filename*=UTF-8''%C3%89%C3%A9n%20%28kopie%29%27s.pdf`,
    );
  });
});
