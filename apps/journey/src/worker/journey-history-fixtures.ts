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
  /** Registered once: signal-with-start, intake entered and published, waiting. */
  intake: historyFixture('journey-intake.history.json', 'p-fixture-intake'),
} as const;

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
