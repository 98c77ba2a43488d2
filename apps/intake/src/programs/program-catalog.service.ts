import { Injectable } from '@nestjs/common';
import type { FieldError } from '@waypoint/contracts';
import { OfficeStore, ProgramStore } from './configuration.stores';

/**
 * What other intake modules ask of the configuration: is this office, are these programs
 * known and active? Returns field errors (empty when all is well) for a 422 answer.
 */
@Injectable()
export class ProgramCatalog {
  constructor(
    private readonly programStore: ProgramStore,
    private readonly officeStore: OfficeStore,
  ) {}

  async check(input: { office?: string; programs?: readonly string[] }, fieldPrefix = ''): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (input.office !== undefined) {
      const [office] = await this.officeStore.byCodes([input.office]);
      if (!office) errors.push({ field: `${fieldPrefix}office`, message: `Unknown office: ${input.office}` });
      else if (!office.active) errors.push({ field: `${fieldPrefix}office`, message: `Office ${input.office} is no longer active` });
    }
    const codes = input.programs ?? [];
    if (codes.length) {
      const found = new Map((await this.programStore.byCodes(codes)).map((p) => [p._id, p]));
      codes.forEach((code, i) => {
        const program = found.get(code);
        if (!program) errors.push({ field: `${fieldPrefix}programsOfInterest.${i}`, message: `Unknown program: ${code}` });
        else if (!program.active) errors.push({ field: `${fieldPrefix}programsOfInterest.${i}`, message: `Program ${code} is no longer active` });
      });
    }
    return errors;
  }
}
