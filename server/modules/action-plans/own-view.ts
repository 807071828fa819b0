import type { OwnActionPlan, PapAction, PapDomain } from '#shared/action-plans';

/**
 * The participant's own PAP from the staff's: staff-only items are left out whole, and so are the staff-only fields
 * of the rest. A domain never talked about (not_discussed, no words) says nothing to the participant either.
 * Built field by field, so a field added to the staff's shape later does not reach the participant by accident.
 */
export function ownViewOf(plan: { domains: readonly PapDomain[]; actions: readonly PapAction[] }): OwnActionPlan {
  return {
    domains: plan.domains
      .filter((d) => !d.staffOnly)
      .filter((d) => d.status !== 'not_discussed' || d.hinderingFactors !== '' || d.ownView !== '')
      .map((d) => ({
        code: d.code,
        label: d.label,
        status: d.status,
        hinderingFactors: d.hinderingFactors,
        ownView: d.ownView,
        updatedAt: d.updatedAt,
      })),
    actions: plan.actions
      .filter((a) => !a.staffOnly)
      .map((a) => ({
        id: a.id,
        domainCode: a.domainCode,
        what: a.what,
        owner: a.owner,
        ownerName: a.ownerName,
        dueDate: a.dueDate,
        status: a.status,
        updatedAt: a.updatedAt,
      })),
  };
}
