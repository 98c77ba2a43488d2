import type { OfficeView, ProgramDefinition, ProgramView } from '@waypoint/contracts';
import { defaultJourneyRulesFor } from '@waypoint/contracts';
import type { OfficeDocument, ProgramDocument, VersionedDocument } from './configuration.schema';

function versioned(doc: VersionedDocument) {
  return {
    active: doc.active,
    version: doc.version,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
    updatedBy: doc.updatedBy,
  };
}

export function toProgramView(doc: ProgramDocument): ProgramView {
  return {
    code: doc._id,
    label: doc.label,
    description: doc.description ?? '',
    fundingStream: doc.fundingStream,
    determinationValidDays: doc.determinationValidDays,
    rules: doc.rules,
    ...(doc.activityHours ? { activityHours: doc.activityHours } : {}),
    journeyRules: doc.journeyRules ?? defaultJourneyRulesFor(doc._id),
    ...versioned(doc),
  };
}

export function toOfficeView(doc: OfficeDocument): OfficeView {
  return {
    code: doc._id,
    name: doc.name,
    ...(doc.address ? { address: doc.address } : {}),
    region: doc.region,
    ...versioned(doc),
  };
}

/** What the eligibility rules read of a stored program. */
export function toDefinition(doc: ProgramDocument): ProgramDefinition {
  return { code: doc._id, name: doc.label, rules: doc.rules, determinationValidDays: doc.determinationValidDays };
}
