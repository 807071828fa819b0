import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { buildFrameworkVersion, buildObservation, fourLevelScale } from '../../../test/support/factories-competencies';
import { ratings } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { mentorInvitationMail } from './mentor-mail';
import { invitationStatus } from './mentor-status';
import { generateMentorToken, hashMentorToken } from './mentor-token';
import { ratingProblems } from './rules';
import { workplace } from './test-fixtures';
import { mapWriteRefusal } from './write';

describe('ratingProblems', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  it('flags exactly the competencies outside the version and the scores outside 1..scale length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 10 }),
        fc.subarray(ids),
        fc.array(fc.record({ competencyId: fc.constantFrom(...ids), score: fc.integer({ min: -1, max: 12 }) })),
        (levels, inVersion, candidates) => {
          const version = {
            scale: fourLevelScale.concat(fourLevelScale, fourLevelScale).slice(0, levels),
            competencies: new Map(inVersion.map((id, position) => [id, { key: id, name: id, position }])),
          };
          const fields = ratingProblems(version, candidates);
          candidates.forEach((c, i) => {
            expect(fields[`ratings.${i}.competencyId`] === 'not_in_version').toBe(!inVersion.includes(c.competencyId));
            expect(fields[`ratings.${i}.score`] === 'out_of_scale').toBe(c.score < 1 || c.score > levels);
          });
          expect(Object.keys(fields).every((k) => /^ratings\.\d+\.(competencyId|score)$/.test(k))).toBe(true);
        },
      ),
    );
  });
});

describe('the database’s own refusal of a competency of another version', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is enforced by the composite key and mapped to a field error, not a 500', async () => {
    const db = t.database.db;
    const w = await workplace(t);
    const v2 = await buildFrameworkVersion(db, {
      organisationId: w.orgId,
      frameworkId: w.framework.framework.id,
      number: 2,
      keys: ['samenwerken'],
    });
    const { observation } = await buildObservation(db, {
      organisationId: w.orgId,
      participantId: w.participant.id,
      versionId: w.version.id,
      scores: { [w.c1.id]: 2 },
    });
    const foreign = v2.competencies[0]?.id as string;
    const refusal = await db
      .insert(ratings)
      .values({
        organisationId: w.orgId,
        observationId: observation.id,
        competencyId: foreign,
        frameworkVersionId: w.version.id,
        participantId: w.participant.id,
        raterKind: 'supervisor',
        competencyKey: 'samenwerken',
        observedOn: observation.observedOn,
        score: 2,
      })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    expect(refusal).toBeDefined();
    const mapped = mapWriteRefusal(refusal);
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).status).toBe(400);
    expect((mapped as AppError).fields).toEqual({ ratings: 'not_in_version' });
    // Anything else passes through unchanged.
    const other = new Error('something else');
    expect(mapWriteRefusal(other)).toBe(other);
  });
});

describe('mentor links: status, token and mail', () => {
  it('is revoked before anything else, pending before the period, expired after it, active on both ends', () => {
    const period = { validFrom: '2025-03-01', validUntil: '2025-03-31', revokedAt: null };
    expect(invitationStatus(period, '2025-02-28')).toBe('pending');
    expect(invitationStatus(period, '2025-03-01')).toBe('active');
    expect(invitationStatus(period, '2025-03-31')).toBe('active');
    expect(invitationStatus(period, '2025-04-01')).toBe('expired');
    expect(invitationStatus({ ...period, revokedAt: new Date() }, '2025-03-10')).toBe('revoked');
  });

  it('makes 256-bit tokens and keyed hashes that depend on the secret', () => {
    const token = generateMentorToken();
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(generateMentorToken()).not.toBe(token);
    expect(hashMentorToken('secret-one', token)).toBe(hashMentorToken('secret-one', token));
    expect(hashMentorToken('secret-two', token)).not.toBe(hashMentorToken('secret-one', token));
    expect(hashMentorToken('secret-one', token)).not.toContain(token);
  });

  it('writes the mail in Dutch, then English, with the period as calendar days and the link in both', () => {
    const mail = mentorInvitationMail({
      mentorName: 'Marc',
      organisationName: 'De Sleutel',
      participantName: 'Sofie Claes',
      validFrom: '2025-03-01',
      validUntil: '2025-03-31',
      link: 'https://groeipad.example.org/mentor/abc',
    });
    const [nl, en] = mail.body.split('\n---\n');
    expect(nl).toContain('1 maart 2025');
    expect(nl).toContain('31 maart 2025');
    expect(en).toContain('1 March 2025');
    for (const part of [nl, en]) expect(part).toContain('https://groeipad.example.org/mentor/abc');
    expect(nl).toContain('Sofie Claes');
    expect(mail.subject).not.toContain('Sofie');
  });
});
