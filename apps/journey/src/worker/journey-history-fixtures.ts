import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { History } from '@temporalio/common/lib/proto-utils';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { journeyWorkflowId } from '@waypoint/journey-workflows';

const fixturesDir = path.resolve(__dirname, '../../../../libs/journey/workflows/src/__fixtures__');

export interface HistoryFixture {
  /** File in libs/journey/workflows/src/__fixtures__, beside the workflow it pins down. */
  file: string;
  participantId: string;
  /** Histories do not carry the workflow id; replay needs it (the workflow reads it). */
  workflowId: string;
}

/**
 * Saved journey histories: every one must still replay against the current workflow code,
 * or a deployed journey would fail its next workflow task. Recorded by the workflow
 * integration tests when UPDATE_HISTORIES=1.
 */
export const JOURNEY_HISTORIES = {
  /** Version 1 (before the `journey-v2` patch): registered, intake entered and published, waiting. Keep. */
  intake: historyFixture('journey-intake.history.json', 'p-fixture-intake'),
  /** Version 2: registered, intake entered, status published, waiting. */
  intakeV2: historyFixture('journey-v2-intake.history.json', 'p-fixture-v2-intake'),
  /** Version 2: the whole journey, registration to close after 12 months of follow-up. */
  wholeJourneyV2: historyFixture('journey-v2-whole-journey.history.json', 'p-fixture-v2-whole'),
  /** Version 2: monthly contact missed, escalated, then recorded. */
  contactEscalationV2: historyFixture('journey-v2-contact-escalation.history.json', 'p-fixture-v2-contact'),
  /** Version 2: a run continued as new (its input carries the journey so far), later events applied. */
  continuedV2: historyFixture('journey-v2-continued.history.json', 'p-fixture-v2-continued'),
  /** Version 2: exit confirmed, then the case reopened. */
  reopenedV2: historyFixture('journey-v2-reopened.history.json', 'p-fixture-v2-reopened'),
} as const;

export type JourneyHistoryName = keyof typeof JOURNEY_HISTORIES;

function historyFixture(fileName: string, participantId: string): HistoryFixture {
  return { file: path.join(fixturesDir, fileName), participantId, workflowId: journeyWorkflowId(participantId) };
}

export const updatingHistories = (): boolean => process.env.UPDATE_HISTORIES === '1';

export function saveHistory(fixture: HistoryFixture, history: History): void {
  mkdirSync(path.dirname(fixture.file), { recursive: true });
  writeFileSync(fixture.file, `${JSON.stringify(JSON.parse(historyToJSON(history)), null, 2)}\n`);
}

/** The saved history as proto JSON (what `Worker.runReplayHistory` accepts). */
export function loadHistory(fixture: HistoryFixture): unknown {
  return JSON.parse(readFileSync(fixture.file, 'utf8'));
}
