import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { $ZodType, safeParse } from 'zod/v4/core';

/**
 * Responses pass their zod schema before they leave, so only declared fields go out (no raw row leaks). The type
 * provider's own serializer runs zod's encode, which for our schemas (no codecs) gives what parse gives but without
 * parse's compiled fast path: 9.5 ms instead of 0.9 ms for an ILUO matrix of 200 people × 40 skills.
 */
export const responseSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url }) => {
  const zodSchema = schema instanceof $ZodType ? schema : (schema as { properties?: unknown } | undefined)?.properties;
  if (!(zodSchema instanceof $ZodType)) throw new Error(`${method} ${url}: a response schema that is not zod`);
  return (data) => {
    const result = safeParse(zodSchema, data);
    if (result.error) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
