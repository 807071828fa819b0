import type { CareerEventKind, ParticipantStatus, recordableCareerEventKinds } from '#shared/participants';

type Recordable = (typeof recordableCareerEventKinds)[number];

/**
 * The steps offered after the current status, in the order people need them most. It mirrors the rules of
 * server/modules/participants/timeline.ts for a step dated after everything else; the server still checks the
 * whole path, also for a step dated in the past.
 */
export const nextSteps: Record<ParticipantStatus, readonly Recordable[]> = {
  registered: ['start', 'team_change'],
  active: ['team_change', 'promotion', 'pause', 'exit'],
  paused: ['resume', 'team_change', 'promotion', 'exit'],
  exited: ['start'],
};

/** The kinds of event that set the status (team changes and promotions leave it as it is). */
export const changesStatus = (kind: CareerEventKind) =>
  kind !== 'team_change' && kind !== 'promotion' && kind !== 'package_change';
