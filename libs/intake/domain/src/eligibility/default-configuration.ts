import {
  defaultJourneyRulesFor,
  type ActivityHours,
  type FundingStream,
  type JourneyRules,
  type ProgramDefinition,
} from '@waypoint/contracts';
import { DEFAULT_PROGRAMS } from './program-rules';

/** A program as an administrator configures it: the rules plus what the agency says about it. */
export interface ProgramConfigurationDefaults {
  code: string;
  label: string;
  description: string;
  fundingStream: FundingStream;
  determinationValidDays: number;
  rules: ProgramDefinition['rules'];
  activityHours?: ActivityHours;
  journeyRules: JourneyRules;
  active: boolean;
}


const ABOUT: Record<string, { description: string; fundingStream: FundingStream; activityHours?: ActivityHours }> = {
  WIOA_ADULT: { fundingStream: 'federal', description: 'Career and training services for adults 18 and older (WIOA Title I).' },
  WIOA_DISLOCATED_WORKER: {
    fundingStream: 'federal',
    description: 'Career and training services for people laid off or given notice (WIOA Title I).',
  },
  WIOA_YOUTH: { fundingStream: 'federal', description: 'Services for low-income young people aged 14 to 24 (WIOA Title I).' },
  WAGNER_PEYSER: { fundingStream: 'federal', description: 'Labour exchange for anyone with the right to work (WIOA Title III).' },
  TAA: { fundingStream: 'federal', description: 'Training and benefits for workers who lost jobs to foreign trade.' },
  TANF_ES: {
    fundingStream: 'federal',
    description: 'Employment services for families receiving TANF (MFIP-style participation hours).',
    // Illustrative MFIP-style figures; an administrator sets the real ones.
    activityHours: {
      weeklyHoursTarget: 30,
      byHousehold: [
        { household: 'Single parent, no child under 6', hoursPerMonth: 130 },
        { household: 'Single parent with a child under 6', hoursPerMonth: 87 },
        { household: 'Two parents', hoursPerWeek: 55 },
      ],
      jobSearchMaxConsecutiveWeeks: 4,
    },
  },
  SNAP_ET: { fundingStream: 'federal', description: 'Employment and training for SNAP recipients.' },
};

/** The programs shipped with the product, seeded into the configuration when absent. */
export const DEFAULT_PROGRAM_CONFIGURATION: readonly ProgramConfigurationDefaults[] = DEFAULT_PROGRAMS.map((p) => ({
  code: p.code,
  label: p.name,
  description: ABOUT[p.code]?.description ?? '',
  fundingStream: ABOUT[p.code]?.fundingStream ?? 'federal',
  determinationValidDays: p.determinationValidDays,
  rules: p.rules,
  ...(ABOUT[p.code]?.activityHours ? { activityHours: ABOUT[p.code].activityHours } : {}),
  journeyRules: defaultJourneyRulesFor(p.code),
  active: true,
}));

/** The demo offices, seeded into the configuration when absent. */
export const DEFAULT_OFFICES = [
  {
    code: 'north-ajc',
    name: 'North American Job Center',
    region: 'North',
    address: { line1: '1200 Northway Drive', city: 'Minneapolis', state: 'MN', postalCode: '55411' },
    active: true,
  },
  {
    code: 'downtown-ajc',
    name: 'Downtown American Job Center',
    region: 'Central',
    address: { line1: '300 Nicollet Mall', city: 'Minneapolis', state: 'MN', postalCode: '55401' },
    active: true,
  },
  {
    code: 'riverside-ajc',
    name: 'Riverside Career Hub',
    region: 'South',
    address: { line1: '45 Riverside Avenue', city: 'Saint Paul', state: 'MN', postalCode: '55107' },
    active: true,
  },
] as const;
