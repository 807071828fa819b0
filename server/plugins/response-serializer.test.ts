import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './response-serializer';

const person = z.object({
  id: z.string(),
  name: z.string(),
  level: z.number().int().nullable(),
  tags: z.array(z.object({ label: z.string() })),
});
const compile = (schema: unknown) =>
  responseSerializerCompiler({ schema, method: 'GET', url: '/x', httpStatus: '200' } as never);

describe('the response serializer', () => {
  it('sends only the declared fields, at every depth: a raw row never leaks', () => {
    const serialize = compile(person);
    const row = {
      id: 'p1',
      name: 'Ana',
      level: null,
      passwordHash: 'secret',
      tags: [{ label: 'a', organisationId: 'o1' }],
    };
    expect(JSON.parse(serialize(row))).toEqual({ id: 'p1', name: 'Ana', level: null, tags: [{ label: 'a' }] });
  });

  it('refuses a response that does not match its schema', () => {
    const serialize = compile(person);
    let thrown: unknown;
    try {
      serialize({ id: 'p1', name: 'Ana', level: 'high', tags: [] });
    } catch (err) {
      thrown = err;
    }
    expect(isResponseSerializationError(thrown)).toBe(true);
  });

  it('accepts the { properties } wrapping fastify gives some schemas', () => {
    expect(compile({ properties: person })({ id: 'p', name: 'N', level: 2, tags: [] })).toBe(
      '{"id":"p","name":"N","level":2,"tags":[]}',
    );
  });
});
