import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  domainStatuses,
  ownActionPlan,
  ownPapAction,
  ownPapDomain,
  type PapAction,
  type PapDomain,
  papActionOwners,
  papActionStatuses,
} from '#shared/action-plans';
import { ownViewOf } from './own-view';

const words = fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 20 }));
const staffOnly = fc.oneof(
  fc.record({ staffOnly: fc.constant(false), staffOnlyReason: fc.constant('') }),
  // A reason no other generated text can contain, so finding it anywhere means it leaked.
  fc.record({ staffOnly: fc.constant(true), staffOnlyReason: fc.uuid().map((u) => `reden-${u}`) }),
);

const domain: fc.Arbitrary<PapDomain> = fc
  .tuple(
    fc.record({
      code: fc.stringMatching(/^[a-z][a-z0-9_]{1,10}$/),
      label: fc.string({ minLength: 1, maxLength: 20 }),
      status: fc.constantFrom(...domainStatuses),
      hinderingFactors: words,
      ownView: words,
      revision: fc.nat(50),
      updatedAt: fc.option(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
      updatedByName: fc.option(fc.string({ maxLength: 20 })),
    }),
    staffOnly,
  )
  .map(([d, s]) => ({ ...d, ...s }));

const action: fc.Arbitrary<PapAction> = fc
  .tuple(
    fc.record({
      id: fc.uuid(),
      domainCode: fc.stringMatching(/^[a-z][a-z0-9_]{1,10}$/),
      what: fc.string({ minLength: 1, maxLength: 30 }),
      owner: fc.constantFrom(...papActionOwners),
      ownerName: words,
      dueDate: fc.constantFrom('2026-01-31', '2026-06-15', '2027-02-28'),
      status: fc.constantFrom(...papActionStatuses),
      updatedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    }),
    staffOnly,
  )
  .map(([a, s]) => ({ ...a, ...s }));

const fieldNames = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap(fieldNames)
    : value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => [k, ...fieldNames(v)])
      : [];

describe("the participant's own view of the PAP", () => {
  it('holds exactly the items that are not staff-only, in order, and no staff-only field at all', () => {
    fc.assert(
      fc.property(fc.array(domain, { maxLength: 8 }), fc.array(action, { maxLength: 8 }), (domains, actions) => {
        const own = ownViewOf({ domains, actions });
        const said = (d: PapDomain) => d.status !== 'not_discussed' || d.hinderingFactors !== '' || d.ownView !== '';
        expect(own.domains.map((d) => d.code)).toEqual(
          domains.filter((d) => !d.staffOnly && said(d)).map((d) => d.code),
        );
        expect(own.actions.map((a) => a.id)).toEqual(actions.filter((a) => !a.staffOnly).map((a) => a.id));
        expect(fieldNames(own).filter((k) => k.startsWith('staffOnly'))).toEqual([]);
        // Nothing said in a staff-only item reaches the participant, whatever the other items say.
        const json = JSON.stringify(own);
        for (const hidden of [...domains, ...actions].filter((x) => x.staffOnly)) {
          expect(json).not.toContain(hidden.staffOnlyReason);
        }
        for (const hidden of actions.filter((a) => a.staffOnly)) expect(json).not.toContain(hidden.id);
        // Exactly the fields of the response schema: nothing is left for the serialiser to strip.
        for (const d of own.domains) expect(Object.keys(d).sort()).toEqual(Object.keys(ownPapDomain.shape).sort());
        for (const a of own.actions) expect(Object.keys(a).sort()).toEqual(Object.keys(ownPapAction.shape).sort());
        expect(ownActionPlan.parse(own)).toEqual(own);
      }),
    );
  });
});
