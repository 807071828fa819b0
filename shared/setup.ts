import { z } from 'zod';
import { email, password } from './auth';
import { shortText } from './common';

export const setupStatusResponse = z.object({ needsSetup: z.boolean() });

export const setupBody = z.strictObject({
  organisationName: shortText(120),
  siteName: shortText(120),
  admin: z.strictObject({
    name: shortText(120),
    email,
    password,
  }),
});
export type SetupBody = z.infer<typeof setupBody>;
