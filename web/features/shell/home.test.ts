import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles } from '#shared/common';
import { en } from '../../i18n/en';
import { nl } from '../../i18n/nl';
import { cardTarget, homePlanFor, navOpens } from './home';
import { navItemsFor } from './navigation';

const routes = (role: (typeof roles)[number]) => navItemsFor(role).map((item) => item.to);
const lookup = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

describe('homePlanFor', () => {
  it('offers every staff role only what its menu opens', () => {
    for (const role of roles) {
      const plan = homePlanFor(role);
      const open = routes(role);
      for (const tile of [plan.primary, ...plan.links].filter((tile) => tile !== null)) {
        expect(open, `${role} → ${tile.to}`).toContain(tile.to);
      }
      for (const card of plan.cards) expect(open, `${role} → ${card}`).toContain(cardTarget[card]);
    }
  });

  it('gives each role its own start', () => {
    const supervisor = homePlanFor('supervisor');
    expect(supervisor.primary?.to).toBe('/observaties/nieuw');
    expect(supervisor.cards).toEqual(['feedbackDue']);
    expect(supervisor.links.map((tile) => tile.to)).toEqual(['/teamoverzicht', '/iluo']);
    expect(supervisor.links.find((tile) => tile.to === '/iluo')?.perLedTeam).toBe(true);

    const coach = homePlanFor('coach');
    expect(coach.primary).toBeNull();
    expect(coach.cards).toEqual(['feedbackDue', 'popCompliance']);
    expect(coach.links.map((tile) => tile.to)).toEqual(['/deelnemers']);

    const manager = homePlanFor('manager');
    expect(manager.cards).toEqual(['feedbackDue', 'popCompliance']);
    expect(manager.links.map((tile) => tile.to)).toEqual([
      '/deelnemers',
      '/teamoverzicht',
      '/iluo',
      '/overzicht/gevoelig',
      '/gebruikers',
    ]);

    expect(homePlanFor('trainer').links.map((tile) => tile.to)).toEqual(['/iluo']);
    expect(homePlanFor('trainer').cards).toEqual([]);

    const admin = homePlanFor('admin');
    expect(admin.cards).toEqual([]);
    expect(admin.links.map((tile) => tile.to)).toEqual(['/gebruikers', '/ploegen', '/competenties']);
  });

  it('gives a participant nothing: they land in the portal', () => {
    expect(homePlanFor('participant')).toEqual({ intro: null, primary: null, cards: [], links: [] });
  });

  it('drops whatever the access rules take away, and keeps the order of the rest', () => {
    const allRoutes = [...new Set(roles.flatMap(routes))];
    fc.assert(
      fc.property(fc.constantFrom(...roles), fc.subarray(allRoutes), (role, allowed) => {
        const opens = (to: string) => allowed.includes(to as never);
        const full = homePlanFor(role, () => true);
        const plan = homePlanFor(role, opens);
        expect(plan.intro).toBe(full.intro);
        expect(plan.primary).toBe(full.primary && opens(full.primary.to) ? full.primary : null);
        expect(plan.links).toEqual(full.links.filter((tile) => opens(tile.to)));
        expect(plan.cards).toEqual(full.cards.filter((card) => opens(cardTarget[card])));
      }),
    );
  });

  it('asks the navigation, so a screen the menu lacks is never offered', () => {
    for (const role of roles) {
      const opens = navOpens(role);
      for (const to of routes(role)) expect(opens(to)).toBe(true);
      expect(opens('/auditlog')).toBe(role === 'admin');
    }
  });

  it('has words in both languages for every tile', () => {
    for (const role of roles) {
      const plan = homePlanFor(role);
      const keys = [
        plan.intro,
        ...[plan.primary, ...plan.links].flatMap((tile) => (tile ? [tile.title, tile.text] : [])),
      ];
      for (const key of keys.filter((key) => key !== null)) {
        expect(typeof lookup(nl, key), `nl ${key}`).toBe('string');
        expect(typeof lookup(en, key), `en ${key}`).toBe('string');
      }
    }
  });
});
