import { INTEREST_ITEM_IDS, type BarriersRequest, type IntakeQuestionnaireRequest, type JobReadinessRequest } from '@waypoint/contracts';

// Builders of valid assessment bodies for the intake integration tests.

export function questionnaireBody(extra: Partial<IntakeQuestionnaireRequest> = {}): IntakeQuestionnaireRequest {
  return {
    highestEducation: 'high_school_diploma',
    workHistory: [{ occupation: 'Line cook', socCode: '35-2014', employer: 'Blue Door Diner', startDate: '2019-03-01', endDate: '2023-08-31', wage: { amount: 16.5, per: 'hour' } }],
    credentials: [{ name: 'ServSafe Food Handler', issuer: 'National Restaurant Association', earnedOn: '2019-04-01', expiresOn: '2024-04-01' }],
    primaryLanguage: 'Spanish',
    englishProficiency: 'intermediate',
    needsInterpreter: false,
    digitalAccess: { devices: ['smartphone'], homeInternet: false, usesEmail: true, comfort: 2 },
    ...extra,
  };
}

export function barriersBody(severities: Record<string, string> = {}, notes: Record<string, string> = {}): BarriersRequest {
  const areas = ['transportation', 'child_care', 'housing', 'health', 'disability', 'justice_involvement', 'language', 'benefits'];
  const barriers = Object.fromEntries(
    [...new Set([...areas, ...Object.keys(severities)])].map((a) => [a, { severity: severities[a] ?? 'none', ...(notes[a] ? { note: notes[a] } : {}) }]),
  );
  return { barriers } as BarriersRequest;
}

/** Every item rated by its area's letter (`{ S: 4 }`), others `rest`. */
export function interestBody(ratings: Record<string, number>, jobZone: number, rest = 1) {
  return { answers: INTEREST_ITEM_IDS.map((itemId) => ({ itemId, rating: ratings[itemId[0]] ?? rest })), jobZone };
}

const SOFT = ['attendance-punctuality', 'appearance', 'communication-attitude', 'performance-productivity'];

/** Staff rate each soft skill `staff`, the participant rates themself `self` (omit for none). */
export function readinessBody(staff: number, self?: number): JobReadinessRequest {
  return {
    staffRatings: SOFT.map((criterionId) => ({ criterionId, rating: staff, evidence: 'Seen on the work crew this month' })),
    selfRatings: self === undefined ? [] : SOFT.map((criterionId) => ({ criterionId, rating: self })),
  };
}
