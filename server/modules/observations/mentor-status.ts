import type { mentorInvitationStatuses } from '#shared/observations';

export type MentorInvitationStatus = (typeof mentorInvitationStatuses)[number];

/**
 * Where a link stands on a given day (Brussels calendar days, as YYYY-MM-DD): revoked wins over the period; the
 * link works from validFrom up to and including validUntil.
 */
export function invitationStatus(
  invitation: { validFrom: string; validUntil: string; revokedAt: Date | null },
  today: string,
): MentorInvitationStatus {
  if (invitation.revokedAt) return 'revoked';
  if (today < invitation.validFrom) return 'pending';
  if (today > invitation.validUntil) return 'expired';
  return 'active';
}
