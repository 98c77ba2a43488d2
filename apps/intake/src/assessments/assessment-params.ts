import { NotFoundException } from '@nestjs/common';
import { ASSESSMENT_KINDS, type AssessmentKind } from '@waypoint/contracts';
import { validationError } from '@waypoint/platform';

/** `:kind` of a URL: one of the four kinds, else 404 (there is no such resource). */
export function assessmentKind(value: string): AssessmentKind {
  if (!(ASSESSMENT_KINDS as readonly string[]).includes(value))
    throw new NotFoundException(`No assessment kind ${value}; kinds: ${ASSESSMENT_KINDS.join(', ')}`);
  return value as AssessmentKind;
}

/** `:number` (or ?from= / ?to=) of a URL: a whole number from 1, else 400. */
export function assessmentNumber(value: string, field = 'number'): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw validationError([{ field, message: 'Assessment numbers are whole numbers from 1' }]);
  return Number(value);
}
