import { z } from 'zod/v4';

/**
 * The one envelope every domain event travels in. The Kafka message key is
 * `participantId`, so all events about one person stay in order on one partition.
 */
export const actorSchema = z.object({
  type: z.enum(['staff', 'participant', 'system']),
  id: z.string().min(1),
  roles: z.array(z.string()).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().regex(/^[a-z]+\.[a-z_]+\.[a-z_]+$/, 'type must be <context>.<entity>.<verb>'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  participantId: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).optional(),
  actor: actorSchema,
  data: z.unknown(),
});

export type EventEnvelope<TData = unknown> = Omit<z.infer<typeof envelopeSchema>, 'data'> & { data: TData };

/** A versioned event contract: its name, version, Kafka topic and data schema. */
export interface EventContract<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly version: number;
  readonly topic: string;
  readonly data: z.ZodType<TData>;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  type: TType,
  version: number,
  topic: string,
  data: TSchema,
): EventContract<TType, z.infer<TSchema>> {
  return { type, version, topic, data: data as unknown as z.ZodType<z.infer<TSchema>> };
}

/** Key used to look a contract up: `type@version`. */
export function contractKey(type: string, version: number): string {
  return `${type}@${version}`;
}
