import { z } from 'zod/v4';

/**
 * Programs are configuration held by the intake service (an administrator adds local
 * ones); contracts know only the shape of a code. These are the codes shipped by default.
 */
export const DEFAULT_PROGRAM_CODES = [
  'WIOA_ADULT',
  'WIOA_DISLOCATED_WORKER',
  'WIOA_YOUTH',
  'WAGNER_PEYSER',
  'TAA',
  'TANF_ES',
  'SNAP_ET',
] as const;

/** A program code: upper-case letters, digits and underscores, e.g. WIOA_ADULT or LOCAL_REENTRY. */
export const programCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'Program codes are 2-40 upper-case letters, digits or _, starting with a letter');
export type ProgramCode = string;
