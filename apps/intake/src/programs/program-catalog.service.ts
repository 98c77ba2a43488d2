import { Injectable } from '@nestjs/common';
import { DEFAULT_PROGRAM_CODES, type FieldError } from '@waypoint/contracts';

const DEMO_OFFICE_CODES = ['north-ajc', 'downtown-ajc', 'riverside-ajc'];

/**
 * What other intake modules ask of the configuration: is this office, are these programs
 * known (and active)? Returns field errors (empty when all is well) for a 422 answer.
 * TEMPORARY: answers from the defaults until programs and offices are stored configuration.
 */
@Injectable()
export class ProgramCatalog {
  async check(input: { office?: string; programs?: readonly string[] }, fieldPrefix = ''): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (input.office !== undefined && !DEMO_OFFICE_CODES.includes(input.office)) {
      errors.push({ field: `${fieldPrefix}office`, message: `Unknown office: ${input.office}` });
    }
    (input.programs ?? []).forEach((code, i) => {
      if (!(DEFAULT_PROGRAM_CODES as readonly string[]).includes(code)) {
        errors.push({ field: `${fieldPrefix}programsOfInterest.${i}`, message: `Unknown program: ${code}` });
      }
    });
    return errors;
  }
}
