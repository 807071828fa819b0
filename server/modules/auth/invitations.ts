import type { Auth } from './better-auth';

// better-auth has one reset-mail hook; invitations pass through it too and are told apart here.
const pending = new Set<string>();

export const isInvitation = (email: string) => pending.has(email.toLowerCase());

/** A new colleague gets a link to choose their own password: a reset token, worded as a welcome. */
export async function sendInvitation(auth: Auth, email: string): Promise<void> {
  const key = email.toLowerCase();
  pending.add(key);
  try {
    await auth.api.requestPasswordReset({ body: { email: key } });
  } finally {
    pending.delete(key);
  }
}
