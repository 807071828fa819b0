import { z } from 'zod';
import { errorCodes } from './error-codes';

export { type ErrorCode, errorCodes, parseErrorBody } from './error-codes';

/** Every failure the API answers has this one shape. */
export const errorResponse = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
