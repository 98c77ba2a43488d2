import { envelopeSchema, journeyPhaseChangedV1, Topics, type EventEnvelope } from '@waypoint/contracts';
import type { PublishPhaseChangedInput } from '@waypoint/journey-workflows';
import { runWithContext, validateEnvelope, type PublishableEvent } from '@waypoint/platform';
import { createJourneyActivities } from './journey-activities';

function aPhaseChange(overrides: Partial<PublishPhaseChangedInput> = {}): PublishPhaseChangedInput {
  return {
    eventId: 'journey-p-123:phase:2',
    correlationId: 'corr-abc',
    causationId: 'evt-registered-1',
    participantId: 'p-123',
    workflowId: 'journey-p-123',
    phase: 'planning',
    previousPhase: 'intake',
    sequence: 2,
    changedAt: '2026-03-02T15:04:05.000Z',
    ...overrides,
  };
}

/** A publisher that records what it was asked to send; `failWith` makes every send fail. */
function recordingPublisher(failWith?: Error) {
  const sent: PublishableEvent[] = [];
  return {
    sent,
    publish: async (events: PublishableEvent[]) => {
      if (failWith) throw failWith;
      sent.push(...events);
    },
  };
}

async function publishOne(input: PublishPhaseChangedInput): Promise<PublishableEvent> {
  const publisher = recordingPublisher();
  await createJourneyActivities({ publisher }).publishPhaseChanged(input);
  expect(publisher.sent).toHaveLength(1);
  return publisher.sent[0];
}

describe('journey activities: publishPhaseChanged', () => {
  it('publishes a valid journey.phase.changed v1 envelope on the journey topic', async () => {
    const { topic, envelope } = await publishOne(aPhaseChange());

    expect(topic).toBe(Topics.journey);
    expect(envelopeSchema.safeParse(envelope).success).toBe(true);
    expect(() => validateEnvelope(envelope)).not.toThrow();
    expect(envelope).toEqual({
      id: 'journey-p-123:phase:2',
      type: journeyPhaseChangedV1.type,
      version: 1,
      occurredAt: '2026-03-02T15:04:05.000Z',
      participantId: 'p-123',
      correlationId: 'corr-abc',
      causationId: 'evt-registered-1',
      actor: { type: 'system', id: 'journey' },
      data: {
        participantId: 'p-123',
        workflowId: 'journey-p-123',
        phase: 'planning',
        previousPhase: 'intake',
        sequence: 2,
        changedAt: '2026-03-02T15:04:05.000Z',
      },
    } satisfies EventEnvelope);
  });

  it('leaves previousPhase out of the first phase change', async () => {
    const { envelope } = await publishOne(aPhaseChange({ phase: 'intake', previousPhase: undefined, sequence: 1 }));

    expect(envelope.data).not.toHaveProperty('previousPhase');
    expect(() => validateEnvelope(envelope)).not.toThrow();
  });

  it('republishes the identical event when retried, so consumers can drop the duplicate', async () => {
    const first = await publishOne(aPhaseChange());
    const retried = await publishOne(aPhaseChange());

    expect(retried).toEqual(first);
  });

  it('keeps the ids the workflow chose even inside another unit of work', async () => {
    const { envelope } = await runWithContext(
      { correlationId: 'corr-ambient', causationId: 'evt-ambient', actor: { type: 'staff', id: 'u-1' } },
      () => publishOne(aPhaseChange()),
    );

    expect(envelope).toMatchObject({ correlationId: 'corr-abc', causationId: 'evt-registered-1', actor: { type: 'system', id: 'journey' } });
  });

  it('rejects a phase change the contract does not allow, before publishing anything', async () => {
    const publisher = recordingPublisher();
    const activities = createJourneyActivities({ publisher });

    await expect(activities.publishPhaseChanged(aPhaseChange({ sequence: 0 }))).rejects.toThrow();
    expect(publisher.sent).toHaveLength(0);
  });

  it('fails when the publish fails, so Temporal retries the activity', async () => {
    const activities = createJourneyActivities({ publisher: recordingPublisher(new Error('broker unavailable')) });

    await expect(activities.publishPhaseChanged(aPhaseChange())).rejects.toThrow('broker unavailable');
  });
});
