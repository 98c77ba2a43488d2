import {
  BARRIER_AREAS,
  BARRIER_SEVERITIES,
  type BarrierArea,
  type BarrierChange,
  type BarrierChangeKind,
  type BarrierSeverity,
  type BarriersRequest,
  type IdentifiedNeed,
  type SuggestedService,
} from '@waypoint/contracts';

type NeedSeverity = Exclude<BarrierSeverity, 'none'>;

const s = (code: string, label: string, urgency: SuggestedService['urgency'] = 'routine'): SuggestedService => ({ code, label, urgency });

/**
 * The supportive service to suggest for each area at each severity: a prompt for the case
 * manager, who decides. Low needs get information, moderate and high get a service brokered
 * through a partner, crisis gets a same-day referral. Codes are stable (events carry them);
 * labels may be reworded.
 */
export const SUPPORTIVE_SERVICE_RULES: Readonly<Record<BarrierArea, Readonly<Record<NeedSeverity, SuggestedService>>>> = {
  transportation: {
    low: s('transit_information', 'Transit routes and ride-share information'),
    moderate: s('transit_pass', 'Transit pass or mileage reimbursement', 'soon'),
    high: s('transit_pass', 'Transit pass or mileage reimbursement', 'soon'),
    crisis: s('emergency_transport', 'Emergency transportation (same day)', 'same_day'),
  },
  child_care: {
    low: s('child_care_information', 'Child care resource and referral information'),
    moderate: s('child_care_assistance', 'Child care assistance application', 'soon'),
    high: s('child_care_assistance', 'Child care assistance application', 'soon'),
    crisis: s('emergency_child_care', 'Emergency child care referral (same day)', 'same_day'),
  },
  housing: {
    low: s('housing_information', 'Housing resources information'),
    moderate: s('rental_assistance', 'Rental or utility assistance referral', 'soon'),
    high: s('housing_stabilization', 'Housing stabilization services referral', 'soon'),
    crisis: s('emergency_shelter', 'Emergency shelter referral (same day)', 'same_day'),
  },
  health: {
    low: s('health_information', 'Health coverage and clinic information'),
    moderate: s('health_referral', 'Health care or health coverage referral', 'soon'),
    high: s('health_referral', 'Health care or health coverage referral', 'soon'),
    crisis: s('crisis_health_referral', 'Crisis health or mental-health line (same day)', 'same_day'),
  },
  disability: {
    low: s('accommodation_information', 'Information on workplace accommodations'),
    moderate: s('vocational_rehabilitation', 'Vocational rehabilitation referral', 'soon'),
    high: s('vocational_rehabilitation', 'Vocational rehabilitation referral', 'soon'),
    crisis: s('disability_advocacy', 'Disability advocacy referral (same day)', 'same_day'),
  },
  justice_involvement: {
    low: s('fair_chance_information', 'Fair-chance employer information'),
    moderate: s('reentry_services', 'Reentry services referral', 'soon'),
    high: s('expungement_legal_aid', 'Record expungement or legal aid referral', 'soon'),
    crisis: s('reentry_crisis', 'Reentry crisis support (same day)', 'same_day'),
  },
  language: {
    low: s('esl_information', 'English class schedule information'),
    moderate: s('esl_class', 'English as a second language class referral', 'soon'),
    high: s('interpreter_and_esl', 'Interpreter services and English class referral', 'soon'),
    crisis: s('interpreter_now', 'Interpreter for appointments (same day)', 'same_day'),
  },
  benefits: {
    low: s('benefits_screening', 'Benefits screening'),
    moderate: s('benefits_application', 'Help applying for SNAP, TANF or Medicaid', 'soon'),
    high: s('benefits_application', 'Help applying for SNAP, TANF or Medicaid', 'soon'),
    crisis: s('emergency_assistance', 'Emergency assistance application (same day)', 'same_day'),
  },
  food: {
    low: s('food_information', 'Food shelf locations'),
    moderate: s('snap_application', 'SNAP application help', 'soon'),
    high: s('food_shelf_referral', 'Food shelf referral and SNAP application', 'soon'),
    crisis: s('emergency_food', 'Emergency food (same day)', 'same_day'),
  },
  legal: {
    low: s('legal_information', 'Legal self-help information'),
    moderate: s('legal_aid', 'Legal aid referral', 'soon'),
    high: s('legal_aid', 'Legal aid referral', 'soon'),
    crisis: s('legal_aid_urgent', 'Urgent legal aid referral (same day)', 'same_day'),
  },
  financial: {
    low: s('financial_education', 'Financial education workshop'),
    moderate: s('financial_counselling', 'Financial counselling referral', 'soon'),
    high: s('financial_counselling', 'Financial counselling referral', 'soon'),
    crisis: s('emergency_financial', 'Emergency financial assistance (same day)', 'same_day'),
  },
};

const rank = (severity: BarrierSeverity): number => BARRIER_SEVERITIES.indexOf(severity);

/** Severity of each area; optional areas left out of the answers count as none. */
export function barrierSeverities(answers: BarriersRequest): Record<BarrierArea, BarrierSeverity> {
  const barriers = answers.barriers as Partial<Record<BarrierArea, { severity: BarrierSeverity }>>;
  return Object.fromEntries(BARRIER_AREAS.map((a) => [a, barriers[a]?.severity ?? 'none'])) as Record<BarrierArea, BarrierSeverity>;
}

/** Every area at low or above, worst first (ties in the order of BARRIER_AREAS), with its suggested service. */
export function identifyNeeds(answers: BarriersRequest): IdentifiedNeed[] {
  const severities = barrierSeverities(answers);
  return BARRIER_AREAS.filter((a) => severities[a] !== 'none')
    .sort((a, b) => rank(severities[b]) - rank(severities[a]))
    .map((area) => {
      const severity = severities[area] as NeedSeverity;
      return { area, severity, suggestedService: SUPPORTIVE_SERVICE_RULES[area][severity] };
    });
}

export function worstSeverity(needs: readonly { severity: BarrierSeverity }[]): BarrierSeverity {
  return needs.reduce<BarrierSeverity>((worst, n) => (rank(n.severity) > rank(worst) ? n.severity : worst), 'none');
}

/**
 * How each area moved between two barriers assessments: resolved (a need that is now none),
 * new (none before), worse, better, unchanged. Areas that were no need in either are left out.
 */
export function compareBarriers(from: BarriersRequest, to: BarriersRequest): BarrierChange[] {
  const before = barrierSeverities(from);
  const after = barrierSeverities(to);
  return BARRIER_AREAS.filter((a) => before[a] !== 'none' || after[a] !== 'none').map((area) => ({
    area,
    from: before[area],
    to: after[area],
    change: changeKind(before[area], after[area]),
  }));
}

function changeKind(from: BarrierSeverity, to: BarrierSeverity): BarrierChangeKind {
  if (from === to) return 'unchanged';
  if (to === 'none') return 'resolved';
  if (from === 'none') return 'new';
  return rank(to) > rank(from) ? 'worse' : 'better';
}
