import type { EligibilityAnswers, ExitEnrollmentRequest } from '../../libs/contracts/src';
import type { DemoPerson } from './demo-people';

/** About two thirds of the demo people have had their eligibility determined. */
export function hasEligibility(i: number): boolean {
  return i % 3 !== 2;
}

/**
 * The answers an intake worker collected for demo person `p`, plausible for the programs they
 * came for (people are grouped by programs of interest: i % 6). Some facts are left unknown on
 * purpose so 'undetermined', and the document that would settle it, shows up:
 *  - i % 10 = 4: no right-to-work documents seen yet (every program but TANF and SNAP E&T waits);
 *  - i % 10 = 9: the fact their main program turns on is not known yet;
 * and person 12 is not registered with Selective Service ('not eligible' for WIOA Adult).
 */
export function eligibilityAnswers(p: DemoPerson): EligibilityAnswers {
  const i = p.index;
  const v = Math.floor(i / 6);
  const base: EligibilityAnswers = {
    dateOfBirth: p.registration.dateOfBirth,
    sexAssignedAtBirth: p.sex,
    // One person lives across the river in Hudson, WI (no shipped program has a residency rule).
    stateOfResidence: i === 27 ? 'WI' : 'MN',
    rightToWorkDocumented: true,
    ...(p.sex === 'male' ? { selectiveServiceStatus: i === 12 ? 'not_registered' : 'registered' } : {}),
    veteran: i % 13 === 7,
    receivesSsi: false,
  };
  const unknownKeyFact = i % 10 === 9;
  const byPrograms: Record<number, EligibilityAnswers> = {
    // WIOA Adult: adults working low-wage jobs or looking for work.
    0: {
      householdSize: 1 + (v % 4),
      annualHouseholdIncome: 18_000 + v * 4_300,
      employmentStatus: v % 2 ? 'employed' : 'unemployed',
      laidOffOrNoticeReceived: false,
      receivesTanf: false,
      receivesSnap: v % 3 === 0,
    },
    // Dislocated Worker and TAA: laid off; some not (yet) on UI, some not covered by a trade petition.
    1: {
      householdSize: 2 + (v % 3),
      annualHouseholdIncome: 41_000 - v * 2_500,
      employmentStatus: 'unemployed',
      laidOffOrNoticeReceived: true,
      ...(unknownKeyFact ? {} : { eligibleForOrExhaustedUI: v % 3 !== 2 }),
      coveredByTradePetition: v % 2 === 0,
      receivesTanf: false,
      receivesSnap: false,
    },
    // WIOA Youth: low-income young people, some still in school.
    2: {
      householdSize: 3 + (v % 3),
      annualHouseholdIncome: 12_000 + v * 3_100,
      employmentStatus: v % 2 ? 'not_in_labor_force' : 'unemployed',
      inSchool: v % 2 === 1,
      receivesTanf: false,
      receivesSnap: v % 3 === 0,
    },
    // TANF employment services: families on TANF (and SNAP).
    3: {
      householdSize: 2 + (v % 3),
      annualHouseholdIncome: 9_000 + v * 1_500,
      employmentStatus: v % 2 ? 'not_in_labor_force' : 'unemployed',
      ...(unknownKeyFact ? {} : { receivesTanf: true }),
      receivesSnap: true,
    },
    // SNAP E&T and Wagner-Peyser: SNAP recipients looking for work (the oldest are past SNAP E&T's 59).
    4: {
      householdSize: 1 + (v % 2),
      annualHouseholdIncome: 14_000 + v * 2_000,
      employmentStatus: 'unemployed',
      receivesTanf: false,
      receivesSnap: true,
    },
    // WIOA Adult and SNAP E&T: working people with low pay, some on SNAP.
    5: {
      householdSize: 1 + (v % 5),
      annualHouseholdIncome: 22_000 + v * 3_000,
      employmentStatus: 'employed',
      laidOffOrNoticeReceived: false,
      receivesTanf: false,
      receivesSnap: v % 2 === 0,
    },
  };
  const answers: EligibilityAnswers = { ...base, ...byPrograms[i % 6] };
  if (i % 10 === 4) delete answers.rightToWorkDocumented;
  return answers;
}

/** How many of the programs they are eligible for (among their programs of interest) person i enrolls in. */
export function enrollmentsWanted(i: number): number {
  return i % 4 === 1 ? 1 : 2;
}

/** Who enrolls person i: the case manager mostly, the intake worker at the front desk for some. */
export function enrolledBy(i: number): 'case.manager' | 'intake.worker' {
  return i % 5 === 3 ? 'intake.worker' : 'case.manager';
}

/** The demo people whose first enrollment has already ended, and why. */
export function demoExit(i: number, exitedOn: string): ExitEnrollmentRequest | undefined {
  if (i === 6) return { exitedOn, reason: 'entered_employment', note: 'Hired full time as a warehouse lead at Northstar Logistics, $21.50/hour.' };
  if (i === 21) return { exitedOn, reason: 'moved', note: 'Moved to Duluth to live with family; referred to the Duluth job center.' };
  return undefined;
}
