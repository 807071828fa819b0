import { z } from 'zod';

/**
 * The coaches someone may pick when registering a participant, changing their coaches or filtering the caseload.
 * Names only: a coach or supervisor may not read the user list (user.read), but does need these names.
 */
export const coachOption = z.object({ id: z.string(), name: z.string() });
export type CoachOption = z.infer<typeof coachOption>;

export const coachOptionsResponse = z.object({ items: z.array(coachOption) });
