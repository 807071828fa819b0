import type { TFunction } from 'i18next';
import { nl } from '../../i18n/nl';

type ActionKey = keyof typeof nl.audit.actions;
type TargetKey = keyof typeof nl.audit.targets;

/**
 * Every action the server records in the audit log (recordAudit in server/modules). labels.test.ts checks that each
 * has words in both languages and that the server records no other.
 */
export const knownActions = [
  'auth.login',
  'auth.login_failed',
  'auth.login_refused_deactivated',
  'auth.logout',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'setup.completed',
  'organisation.updated',
  'site.created',
  'site.updated',
  'team.created',
  'team.updated',
  'team.supervisors_set',
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.password_set',
  'outbox.read',
  'participant.registered',
  'participant.read',
  'participant.updated',
  'participant.career_event_added',
  'participant.coaches_set',
  'participant.indications_set',
  'participant.stakeholders_set',
  'participant.consent_recorded',
  'participant.archived',
  'participant.unarchived',
  'competencyFramework.created',
  'competencyFramework.imported',
  'competencyFramework.updated',
  'competencyFramework.archived',
  'competencyFramework.unarchived',
  'competencyFramework.default_set',
  'competencyFramework.exported',
  'jobProfile.created',
  'jobProfile.updated',
  'jobProfile.archived',
  'competency.profile.read',
  'competency.evolution.read',
  'competency.heatmap.read',
  'observation.created',
  'observation.deleted',
  'observation.list_read',
  'mentor.invited',
  'mentor.resent',
  'mentor.revoked',
  'mentor_link.observation_created',
  'mentor_link.refused',
  'feedback.recorded',
  'feedback.updated',
  'feedback.deleted',
  'feedback.read',
  'feedback_rules.replaced',
  'skill.created',
  'skill.updated',
  'skill.archived',
  'skill.reordered',
  'skill_level.recorded',
  'skill_level.deleted',
  'skill_level.history_read',
  'iluo.matrix_exported',
  'iluo_labels.replaced',
  'list.replaced',
  'referrer.created',
  'referrer.updated',
  'participant.account_created',
  'participant.activated',
  'participant.activation_code_issued',
  'participant.activation_failed',
  'participant.export',
  'participant.import',
  'participant.imported',
  'participant.job_profiles_read',
  'participant.job_profiles_set',
  'participant.placed',
  'pop.read',
  'pop.version_read',
  'pop.pdf',
  'pop.draft_started',
  'pop.draft_saved',
  'pop.draft_discarded',
  'pop.confirmed',
  'pop.agreed',
  'pop.action_status',
  'pop.goal_note',
  'pop.proposal_created',
  'pop.proposal_resolved',
  'pop.presentation_added',
  'pop.presentation_removed',
  'pop.compliance.read',
  'pop.settings.update',
  'esco.import',
  'pathway.read',
  'work_package.created',
  'work_package.updated',
  'work_package.archived',
  'work_package.unarchived',
  // The sensitive compartment: the PAP and access to it (server/modules/action-plans, server/modules/sensitive).
  'pap.read',
  'pap.read_own',
  'pap.domain_saved',
  'pap.action_added',
  'pap.action_updated',
  'sensitive.break_glass',
  'sensitive.granted',
  'sensitive.grant_revoked',
  // Instruments and their attachments (server/modules/instruments).
  'instrument.read',
  'instrument.result_added',
  'instrument.result_updated',
  'instrument.result_deleted',
  'instrument.attachment_added',
  'instrument.attachment_read',
  'instrument.attachment_deleted',
  'instrument_definition.created',
  'instrument_definition.updated',
  'instrument_definition.archived',
  // Privacy rights (server/modules/privacy).
  'privacy.exported',
  'privacy.anonymised',
  'privacy.retention_updated',
] as const;

/** Action codes contain dots, which i18next reads as nesting: the keys use underscores instead. */
export const actionKey = (action: string) => action.replaceAll('.', '_');
const isActionKey = (key: string): key is ActionKey => key in nl.audit.actions;
const isTargetKey = (key: string): key is TargetKey => key in nl.audit.targets;

export const knownTargetTypes = Object.keys(nl.audit.targets);

/** A translated label where we know the action; the raw code otherwise, so nothing is hidden. */
export function actionLabel(t: TFunction, action: string): string {
  const key = actionKey(action);
  return isActionKey(key) ? t(`audit.actions.${key}`) : action;
}

export function targetTypeLabel(t: TFunction, targetType: string): string {
  return isTargetKey(targetType) ? t(`audit.targets.${targetType}`) : targetType;
}
