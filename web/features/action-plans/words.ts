import type { TFunction } from 'i18next';
import type { DomainStatus, PapActionStatus } from '#shared/action-plans';
import { builtInListItems } from '#shared/list-items';

// Without zod: the portal's "Mijn actieplan" uses these too, and stays a small chunk.

/** The order the form offers and the pictograms follow: from "nothing known" to "stands in the way". */
export const statusOrder: readonly DomainStatus[] = ['not_discussed', 'no_concern', 'attention', 'hindering'];

/** Colours next to the words (never instead of them): grey, green, yellow, red. */
export const statusColor: Record<DomainStatus, string> = {
  not_discussed: 'gray',
  no_concern: 'groen',
  attention: 'yellow',
  hindering: 'red',
};

type BuiltInDomain = (typeof builtInListItems)['life_domain'][number]['code'];
const builtIn = (code: string): code is BuiltInDomain =>
  builtInListItems.life_domain.some((item) => item.code === code);

/**
 * A life domain in the reader's language: a built-in domain the organisation did not rename is translated; a renamed
 * one and the organisation's own domains keep the organisation's words (the same rule as web/features/lists).
 */
export function domainLabel(t: TFunction, domain: { code: string; label: string }): string {
  const shipped = builtInListItems.life_domain.find((item) => item.code === domain.code)?.label;
  if (builtIn(domain.code) && (domain.label === shipped || !domain.label)) return t(`lists.life_domain.${domain.code}`);
  return domain.label || domain.code;
}

const actionRank: Record<PapActionStatus, number> = { open: 0, done: 1, dropped: 2 };
const actionOrder = <A extends { status: PapActionStatus; dueDate: string }>(a: A, b: A) =>
  actionRank[a.status] - actionRank[b.status] || a.dueDate.localeCompare(b.dueDate);

/** Actions per domain: open ones first, each group by date, so what is due next is on top. */
export function actionsByDomain<A extends { domainCode: string; status: PapActionStatus; dueDate: string }>(
  actions: readonly A[],
): Map<string, A[]> {
  const result = new Map<string, A[]>();
  const sorted = [...actions].sort(actionOrder);
  for (const action of sorted) {
    const list = result.get(action.domainCode);
    if (list) list.push(action);
    else result.set(action.domainCode, [action]);
  }
  return result;
}

/** Break-the-glass lasts one of these (hours); the server allows up to BREAK_GLASS_MAX_HOURS. */
export const breakGlassHours = [1, 2, 4, 8, 24] as const;

type OwnDomainLike = { code: string; status: DomainStatus; ownView: string; hinderingFactors: string };
type OwnActionLike = { domainCode: string; status: PapActionStatus; dueDate: string };

/**
 * The participant's own PAP, as the page lays it out: the domains something was said about, each with its actions,
 * and the actions whose domain is not shown (a domain kept for staff, or never discussed) on their own, so no action
 * of the participant's is lost and no hidden domain is named.
 */
export function ownPlanLayout<D extends OwnDomainLike, A extends OwnActionLike>(plan: {
  domains: readonly D[];
  actions: readonly A[];
}): { domains: D[]; actionsOf: Map<string, A[]>; loose: A[] } {
  const domains = plan.domains.filter(
    (d) => d.status !== 'not_discussed' || d.ownView.trim() !== '' || d.hinderingFactors.trim() !== '',
  );
  const shown = new Set(domains.map((d) => d.code));
  const actionsOf = actionsByDomain(plan.actions.filter((a) => shown.has(a.domainCode)));
  const loose = plan.actions.filter((a) => !shown.has(a.domainCode)).sort(actionOrder);
  return { domains, actionsOf, loose };
}
