import fc from 'fast-check';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { type DomainStatus, domainStatuses, type PapActionStatus, papActionStatuses } from '#shared/action-plans';
import { BREAK_GLASS_MAX_HOURS, breakGlassBody } from '#shared/sensitive';
import { en } from '../../i18n/en';
import { actionPlansNl } from './messages.nl';
import { actionsByDomain, breakGlassHours, domainLabel, ownPlanLayout, statusColor, statusOrder } from './words';

/** A t() over the English messages: enough to see which words are chosen. */
const t = ((key: string) =>
  String(
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en) ?? key,
  )) as unknown as TFunction;

describe('domainLabel', () => {
  it('translates a built-in domain the organisation did not rename', () => {
    expect(domainLabel(t, { code: 'mental_health', label: 'Psychisch welzijn' })).toBe(
      en.lists.life_domain.mental_health,
    );
  });

  it('keeps the organisation’s words for a renamed or an own domain', () => {
    expect(domainLabel(t, { code: 'alcohol', label: 'Alcohol en gokken' })).toBe('Alcohol en gokken');
    expect(domainLabel(t, { code: 'housing', label: 'Huisvesting' })).toBe('Huisvesting');
  });
});

describe('the statuses', () => {
  it('cover every status of the contract once, with words in both languages and a colour', () => {
    expect([...statusOrder].sort()).toEqual([...domainStatuses].sort());
    for (const status of domainStatuses) {
      expect(actionPlansNl.status[status]).toBeTruthy();
      expect(en.actionPlans.status[status]).toBeTruthy();
      expect(actionPlansNl.mine.status[status]).toBeTruthy();
      expect(statusColor[status]).toBeTruthy();
    }
    for (const status of papActionStatuses) expect(actionPlansNl.mine.actionStatus[status]).toBeTruthy();
  });

  it('offer only break-the-glass periods the server accepts, the default among them', () => {
    for (const hours of breakGlassHours) {
      expect(hours).toBeLessThanOrEqual(BREAK_GLASS_MAX_HOURS);
      expect(breakGlassBody.safeParse({ reason: 'Crisis, de coach is ziek.', hours }).success).toBe(true);
    }
    expect(breakGlassHours).toContain(breakGlassBody.parse({ reason: 'Crisis, de coach is ziek.' }).hours);
  });
});

const actionArb = fc.record({
  domainCode: fc.constantFrom('alcohol', 'drugs', 'justice'),
  status: fc.constantFrom(...papActionStatuses),
  dueDate: fc
    .date({ min: new Date('2025-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
});

describe('actionsByDomain', () => {
  const rank: Record<PapActionStatus, number> = { open: 0, done: 1, dropped: 2 };

  it('keeps every action once, in its own domain, open ones first and each group by date', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 30 }), (actions) => {
        const grouped = actionsByDomain(actions);
        expect([...grouped.values()].flat()).toHaveLength(actions.length);
        for (const [code, list] of grouped) {
          expect(list.every((a) => a.domainCode === code)).toBe(true);
          for (let i = 1; i < list.length; i++) {
            const a = list[i - 1];
            const b = list[i];
            if (!a || !b) continue;
            expect(rank[a.status] < rank[b.status] || (a.status === b.status && a.dueDate <= b.dueDate)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('ownPlanLayout', () => {
  const domain = (code: string, status: DomainStatus, ownView = '') => ({
    code,
    status,
    ownView,
    hinderingFactors: '',
  });
  const action = (id: string, domainCode: string, status: PapActionStatus = 'open') => ({
    id,
    domainCode,
    status,
    dueDate: '2026-04-01',
  });

  it('shows the domains something was said about, and keeps actions of hidden domains apart', () => {
    const layout = ownPlanLayout({
      domains: [
        domain('alcohol', 'not_discussed'),
        domain('drugs', 'no_concern'),
        domain('justice', 'not_discussed', 'Ik heb nog een boete.'),
      ],
      // work_income: a domain the server left out (staff-only); its action is the participant's all the same.
      actions: [action('a1', 'drugs'), action('a2', 'work_income'), action('a3', 'alcohol', 'done')],
    });
    expect(layout.domains.map((d) => d.code)).toEqual(['drugs', 'justice']);
    expect(layout.actionsOf.get('drugs')?.map((a) => a.id)).toEqual(['a1']);
    expect(layout.loose.map((a) => a.id)).toEqual(['a2', 'a3']);
  });

  it('loses no action and shows none twice', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            code: fc.constantFrom('alcohol', 'drugs', 'justice'),
            status: fc.constantFrom(...domainStatuses),
            ownView: fc.constantFrom('', 'Iets'),
          }),
          { maxLength: 3 },
        ),
        fc.array(actionArb, { maxLength: 20 }),
        (raw, rawActions) => {
          const domains = [...new Map(raw.map((d) => [d.code, { ...d, hinderingFactors: '' }])).values()];
          const actions = rawActions.map((a, i) => ({ ...a, id: String(i) }));
          const layout = ownPlanLayout({ domains, actions });
          const placed = [...[...layout.actionsOf.values()].flat(), ...layout.loose].map((a) => a.id).sort();
          expect(placed).toEqual(actions.map((a) => a.id).sort());
        },
      ),
    );
  });
});
