import type { Role } from '#shared/common';

/**
 * Which roles see which screen. It mirrors server/policy for the navigation only:
 * the server still decides every request.
 */
export const screenRoles = {
  organisation: ['admin'],
  sites: ['admin'],
  teams: ['admin'],
  users: ['admin', 'manager'],
  audit: ['admin'],
  outbox: ['admin'],
  participants: ['admin', 'manager', 'coach', 'supervisor'],
  participantRegister: ['admin', 'coach'],
  /** CSV import (server/policy: participant.register). */
  participantImport: ['admin', 'coach'],
  /** Configurable lists (server/policy: list.manage). */
  lists: ['admin'],
  /** The participant's own dossier (server/policy: participant.readOwn). */
  myDossier: ['participant'],
  /** The team heat map of competencies (server/policy: competency.teamView). */
  teamOverview: ['admin', 'manager', 'coach', 'supervisor'],
  /** Who is due for a feedback conversation (server/policy: feedback.dueList). */
  feedbackDue: ['admin', 'manager', 'coach', 'supervisor'],
  /** How often a feedback conversation is due (server/policy: feedbackRule.manage). */
  feedbackRules: ['admin'],
  /** The ILUO matrix of a team (server/policy: skill.read). */
  iluo: ['admin', 'coach', 'supervisor', 'trainer', 'manager'],
  /** Recording an observation (server/policy: observation.create). */
  observationNew: ['supervisor', 'coach'],
  /** Competency frameworks and job profiles (server/policy: competency.manage; everyone reads them elsewhere). */
  competencies: ['admin'],
  /** The self-assessment (server/policy: observation.self). */
  selfAssessment: ['participant'],
  /** The participant portal: Mijn pad, Mijn doelen, Mijn feedback, Mijn vooruitgang (web/features/portal). */
  portal: ['participant'],
  /** A participant's POP, as staff see it (server/policy: pop.read; the participant has the portal). */
  developmentPlan: ['admin', 'manager', 'coach', 'supervisor'],
  /** Who needs a POP or a new version (server/policy: pop.compliance). */
  popCompliance: ['admin', 'manager', 'coach'],
  /** Defining the work packages of the pathway map (server/policy: pathway.manage). */
  pathways: ['admin'],
  /**
   * A participant's sensitive compartment: PAP, instruments, access (server/policy: sensitive.access). Supervisors,
   * trainers and managers never open it; the page itself asks the server whether this coach or admin may read.
   */
  sensitiveCompartment: ['admin', 'coach'],
  /** Privacy: the GDPR export from a dossier (server/policy: privacy.export; a coach only for their caseload). */
  privacyExport: ['admin', 'coach'],
  /** Erasing a participant (server/policy: privacy.erase). */
  privacyErase: ['admin'],
  /** The retention period and who is due for erasure (server/policy: privacy.retention). */
  privacy: ['admin'],
  /** Instrument definitions (server/policy: instrumentDefinition.manage). */
  instrumentDefinitions: ['admin'],
  /** Counts of the sensitive compartment, never contents (server/policy: sensitive.counts). */
  sensitiveCounts: ['admin', 'manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Screen = keyof typeof screenRoles;

export function canSee(role: Role, screen: Screen): boolean {
  const allowed: readonly Role[] = screenRoles[screen];
  return allowed.includes(role);
}

/** Managers read the user list; only admins change it (server/policy: user.manage). */
export const canManageUsers = (role: Role) => role === 'admin';

/** Who registers participants and writes dossiers (server/policy: participant.register, participant.update). */
export const canRegisterParticipants = (role: Role) => canSee(role, 'participantRegister');
