import { z } from 'zod/v4';

/**
 * OpenAPI schema object from a contract's zod schema: the docs and the validation come
 * from the same definition, so they cannot drift apart.
 */
export function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
