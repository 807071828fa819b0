import fc from 'fast-check';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { domainStatuses, type PapDomain, papActionUpdateBody, papDomainBody } from '#shared/action-plans';
import { grantCreateBody } from '#shared/sensitive';
import { ApiError } from '../../lib/api';
import {
  type ActionValues,
  actionCreateBody,
  actionIssues,
  actionUpdateBody,
  type DomainValues,
  domainBody,
  domainChanged,
  domainIssues,
  domainValues,
  grantIssues,
  grantUntilMax,
  newActionValues,
  splitError,
  staffOnlyProblem,
} from './rules';

// The keys stand in for the texts: what matters is which text goes where.
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

const domain = (extra: Partial<PapDomain> = {}): PapDomain => ({
  code: 'alcohol',
  label: 'Alcohol',
  status: 'not_discussed',
  hinderingFactors: '',
  ownView: '',
  staffOnly: false,
  staffOnlyReason: '',
  revision: 0,
  updatedAt: null,
  updatedByName: null,
  ...extra,
});

const domainArb: fc.Arbitrary<DomainValues> = fc.record({
  status: fc.constantFrom(...domainStatuses),
  hinderingFactors: fc.string({ maxLength: 60 }),
  ownView: fc.string({ maxLength: 60 }),
  staffOnly: fc.boolean(),
  staffOnlyReason: fc.string({ maxLength: 40 }),
});

describe('the staff-only rule', () => {
  it('asks a reason exactly when an item is hidden and the reason is blank', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.string({ maxLength: 20 }), (staffOnly, staffOnlyReason) => {
        const expected = staffOnly && staffOnlyReason.trim() === '' ? 'reason_required' : null;
        expect(staffOnlyProblem({ staffOnly, staffOnlyReason })).toBe(expected);
      }),
    );
  });

  it('never sends a reason for an item the participant may see', () => {
    fc.assert(
      fc.property(domainArb, fc.nat(), (values, revision) => {
        const body = domainBody(values, revision);
        if (!values.staffOnly) expect(body.staffOnlyReason).toBe('');
        else expect(body.staffOnlyReason).toBe(values.staffOnlyReason.trim());
      }),
    );
  });

  it('puts the missing reason under the reason field, in the PAP’s words', () => {
    const errors = domainIssues(t, { ...domainValues(domain()), staffOnly: true, staffOnlyReason: '  ' }, 0);
    expect(errors).toEqual({ staffOnlyReason: 'actionPlans.fieldErrors.reason_required' });
  });
});

describe('saving a domain', () => {
  it('sends what the shared schema accepts whenever the form finds no problem', () => {
    fc.assert(
      fc.property(domainArb, fc.nat({ max: 1000 }), (values, revision) => {
        const problems = domainIssues(t, values, revision);
        const body = domainBody(values, revision);
        if (Object.keys(problems).length === 0) expect(papDomainBody.safeParse(body).success).toBe(true);
        expect(body.revision).toBe(revision);
      }),
    );
  });

  it('sees no change in spaces the server trims, and does see a new status', () => {
    const saved = domain({ status: 'attention', ownView: 'Ik slaap slecht.' });
    expect(domainChanged(saved, { ...domainValues(saved), ownView: 'Ik slaap slecht.  ' })).toBe(false);
    expect(domainChanged(saved, { ...domainValues(saved), status: 'hindering' })).toBe(true);
  });

  it('shows a too long text under its field', () => {
    const errors = domainIssues(t, { ...domainValues(domain()), ownView: 'x'.repeat(2001) }, 0);
    expect(Object.keys(errors)).toEqual(['ownView']);
  });
});

describe('an action', () => {
  const filled = (extra: Partial<ActionValues> = {}): ActionValues => ({
    ...newActionValues(),
    what: 'Afspraak bij de huisarts maken',
    dueDate: '2026-03-01',
    ...extra,
  });

  it('needs what and a date, each under its own field', () => {
    expect(Object.keys(actionIssues(t, newActionValues())).sort()).toEqual(['dueDate', 'what']);
    expect(actionIssues(t, filled())).toEqual({});
  });

  it('keeps a name only for someone else, and a reason only when hidden', () => {
    const body = actionCreateBody(
      'alcohol',
      filled({ owner: 'coach', ownerName: 'Dr. Peeters', staffOnlyReason: 'x' }),
    );
    expect(body).toMatchObject({ domainCode: 'alcohol', owner: 'coach', ownerName: '', staffOnlyReason: '' });
    const other = actionUpdateBody(filled({ owner: 'other', ownerName: ' Dr. Peeters ', status: 'done' }));
    expect(other).toMatchObject({ owner: 'other', ownerName: 'Dr. Peeters', status: 'done' });
  });

  it('sends only bodies the shared schema accepts when the form is content', () => {
    const arb = fc.record({
      what: fc.string({ maxLength: 40 }),
      owner: fc.constantFrom('participant', 'coach', 'other'),
      ownerName: fc.string({ maxLength: 20 }),
      dueDate: fc.constantFrom('', '2026-02-30', '2026-05-01'),
      status: fc.constantFrom('open', 'done', 'dropped'),
      staffOnly: fc.boolean(),
      staffOnlyReason: fc.string({ maxLength: 20 }),
    }) as fc.Arbitrary<ActionValues>;
    fc.assert(
      fc.property(arb, (values) => {
        if (Object.keys(actionIssues(t, values)).length === 0) {
          expect(papActionUpdateBody.safeParse(actionUpdateBody(values)).success).toBe(true);
          expect(staffOnlyProblem(values)).toBeNull();
        }
      }),
    );
  });
});

describe('a grant', () => {
  const today = '2026-01-15';

  it('runs until a date from today up to a year and a day ahead', () => {
    expect(grantUntilMax(today)).toBe('2027-01-16');
    const values = { userId: 'u1', reason: 'Vervangt de coach tijdens het verlof.', until: '2026-02-01' };
    expect(grantIssues(t, values, today)).toEqual({});
    expect(grantIssues(t, { ...values, until: '2026-01-14' }, today)).toEqual({ until: 'fieldErrors.in_the_past' });
    expect(grantIssues(t, { ...values, until: '2027-01-17' }, today)).toEqual({
      until: 'actionPlans.fieldErrors.too_far',
    });
  });

  it('refuses a reason nobody can read back later, like the server', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (reason) => {
        const values = { userId: 'u1', reason, until: '2026-02-01' };
        const server = grantCreateBody.safeParse({ ...values, reason: reason.trim() }).success;
        expect('reason' in grantIssues(t, values, today)).toBe(!server);
      }),
    );
  });
});

describe('splitError', () => {
  const onForm = (path: string) => path === 'staffOnlyReason' || path === 'what';

  it('puts the server’s reason_required under the reason field', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', { staffOnlyReason: 'reason_required' });
    expect(splitError(t, error, onForm)).toEqual({
      fields: { staffOnlyReason: 'actionPlans.fieldErrors.reason_required' },
      message: null,
    });
  });

  it('puts the grant’s own codes under their fields', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid', { userId: 'not_eligible', until: 'too_far' });
    expect(splitError(t, error, (path) => path === 'userId' || path === 'until').fields).toEqual({
      userId: 'actionPlans.fieldErrors.not_eligible',
      until: 'actionPlans.fieldErrors.too_far',
    });
  });

  it('says in one sentence what belongs to no field', () => {
    const error = new ApiError(403, 'break_glass_required', 'No access');
    expect(splitError(t, error, onForm)).toEqual({ fields: {}, message: 'errors.break_glass_required' });
  });
});
