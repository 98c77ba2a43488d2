import { AssessmentError, AssessmentErrorCode } from './assessment-error';

/**
 * Interest profile (RIASEC / Holland codes). Results guide exploration only: nothing here
 * screens a person out. Item wording is our own plain language.
 */
export const RIASEC_AREAS = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
export type RiasecArea = (typeof RIASEC_AREAS)[number];

export const RIASEC_AREA_NAMES: Readonly<Record<RiasecArea, string>> = {
  R: 'Realistic',
  I: 'Investigative',
  A: 'Artistic',
  S: 'Social',
  E: 'Enterprising',
  C: 'Conventional',
};

export interface InterestItem {
  id: string;
  area: RiasecArea;
  text: string;
}

const ITEM_TEXT: Readonly<Record<RiasecArea, readonly string[]>> = {
  R: [
    'Build a wooden deck or shed',
    'Fix a leaking sink or toilet',
    'Drive a truck to make deliveries',
    'Repair the engine of a car',
    'Put furniture together from a kit',
    'Drive a forklift in a warehouse',
    'Lay bricks or floor tiles',
    'Plant and look after trees or crops',
    'Put in electrical wiring in a house',
    'Run a machine on a factory floor',
  ],
  I: [
    'Run tests to find out why a plant is sick',
    'Learn how the parts of the human body work together',
    'Do experiments in a lab',
    'Work through a hard math problem',
    'Study the weather and predict what it will do',
    'Look through numbers to spot patterns',
    'Find out how an illness spreads from person to person',
    'Test water to see if it is safe to drink',
    'Track down why a computer program gives wrong answers',
    'Study rocks to learn how the land was formed',
  ],
  A: [
    'Draw or paint pictures',
    'Write stories or poems',
    'Play an instrument in a band',
    'Design a poster or a logo',
    'Act in a play',
    'Take photos for a magazine or website',
    'Choose colours and furniture to make a room look good',
    'Sing in front of an audience',
    'Film and edit videos',
    'Design and sew clothes',
  ],
  S: [
    'Teach children to read',
    'Help sick people get better',
    'Listen to someone’s problems and help them find a way forward',
    'Coach a sports team',
    'Help older people with everyday tasks',
    'Show new co-workers how to do the job',
    'Hand out food at a food bank',
    'Help people look for work',
    'Look after young children at a day care',
    'Lead a support group',
  ],
  E: [
    'Start your own business',
    'Sell things to customers in a shop',
    'Be in charge of a team of workers',
    'Talk people into buying a product',
    'Run a restaurant',
    'Bargain to get a good deal',
    'Manage a store’s money and staff',
    'Give a talk to win people over to an idea',
    'Plan how to advertise a new product',
    'Decide who gets hired',
  ],
  C: [
    'Keep count of the stock in a stockroom',
    'Type information into a computer system',
    'Sort and file paperwork',
    'Check bills for mistakes',
    'Work out how much each worker gets paid',
    'Book appointments in a calendar',
    'Fill in tax forms',
    'Count the cash drawer at the end of a shift',
    'Read reports to catch spelling and number mistakes',
    'Keep records of what was shipped and received',
  ],
};

/** The 60 work-activity items, R01..R10, I01..I10, ..., C01..C10. */
export const INTEREST_ITEMS: readonly InterestItem[] = RIASEC_AREAS.flatMap((area) =>
  ITEM_TEXT[area].map((text, i) => ({ id: `${area}${String(i + 1).padStart(2, '0')}`, area, text })),
);

const ITEMS_BY_ID: ReadonlyMap<string, InterestItem> = new Map(INTEREST_ITEMS.map((item) => [item.id, item]));

/** Five-point scale, scored 0-4. */
export const INTEREST_RATINGS = {
  stronglyDislike: 0,
  dislike: 1,
  unsure: 2,
  like: 3,
  stronglyLike: 4,
} as const;
export type InterestRating = (typeof INTEREST_RATINGS)[keyof typeof INTEREST_RATINGS];

export const INTEREST_ITEMS_PER_AREA = 10;
export const INTEREST_AREA_MAX = INTEREST_ITEMS_PER_AREA * INTEREST_RATINGS.stronglyLike;

export interface InterestAnswer {
  itemId: string;
  rating: number;
}

export interface InterestProfile {
  scores: Record<RiasecArea, number>;
  primary: RiasecArea;
  /** Other areas with the same score as the primary (empty when there is no tie). */
  primaryTiedWith: RiasecArea[];
  secondary: RiasecArea;
  /** Other areas with the same score as the secondary, excluding the primary. */
  secondaryTiedWith: RiasecArea[];
  /** Top three areas in order, e.g. "SEC". */
  hollandCode: string;
  answered: number;
  complete: boolean;
}

/**
 * Scores a (possibly partial) set of answers. Refuses unknown item ids, ratings that are not
 * integers 0-4, and an item answered twice. Fewer than 60 answers are scored but `complete` is false.
 *
 * Tie rule: areas are ordered by score, highest first; equal scores keep the fixed RIASEC order
 * (R, I, A, S, E, C). The order is arbitrary but stable, so the same answers always give the same
 * code, and every tie is reported in `primaryTiedWith` / `secondaryTiedWith` so staff can
 * explore the tied areas too instead of trusting the letter order.
 */
export function scoreInterestProfile(answers: readonly InterestAnswer[]): InterestProfile {
  const unknown = answers.filter((a) => !ITEMS_BY_ID.has(a.itemId)).map((a) => a.itemId);
  if (unknown.length) throw new AssessmentError(AssessmentErrorCode.UnknownItem, unknown, 'Unknown interest items');

  const invalid = answers
    .filter((a) => !Number.isInteger(a.rating) || a.rating < 0 || a.rating > INTEREST_RATINGS.stronglyLike)
    .map((a) => a.itemId);
  if (invalid.length) throw new AssessmentError(AssessmentErrorCode.InvalidRating, invalid, 'Ratings must be whole numbers 0-4');

  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const a of answers) (seen.has(a.itemId) ? duplicates : seen).add(a.itemId);
  if (duplicates.size)
    throw new AssessmentError(AssessmentErrorCode.DuplicateAnswer, [...duplicates], 'Items answered more than once');

  const scores = { R: 0, I: 0, A: 0, S: 0, E: 0, C: 0 } as Record<RiasecArea, number>;
  for (const a of answers) scores[(ITEMS_BY_ID.get(a.itemId) as InterestItem).area] += a.rating;

  const ranked = rankAreas(scores);
  const [primary, secondary] = ranked;
  return {
    scores,
    primary,
    primaryTiedWith: ranked.filter((a) => a !== primary && scores[a] === scores[primary]),
    secondary,
    secondaryTiedWith: ranked.filter((a) => a !== primary && a !== secondary && scores[a] === scores[secondary]),
    hollandCode: ranked.slice(0, 3).join(''),
    answered: answers.length,
    complete: answers.length === INTEREST_ITEMS.length,
  };
}

/** Areas by score, highest first; ties keep RIASEC order. */
function rankAreas(scores: Record<RiasecArea, number>): RiasecArea[] {
  return [...RIASEC_AREAS].sort((a, b) => scores[b] - scores[a] || RIASEC_AREAS.indexOf(a) - RIASEC_AREAS.indexOf(b));
}

/** Job zones: how much preparation an occupation needs. */
export const JOB_ZONES = {
  1: 'Little or no preparation: a few days to a few months of training on the job; some jobs need no diploma.',
  2: 'Some preparation: usually a high school diploma and some months of training or work experience.',
  3: 'Medium preparation: vocational training, an apprenticeship or an associate degree, plus experience.',
  4: 'Considerable preparation: usually a bachelor’s degree and several years of experience.',
  5: 'Extensive preparation: a graduate degree or many years of specialised experience.',
} as const;
export type JobZone = keyof typeof JOB_ZONES;

export type Outlook = 'bright' | 'average' | 'below-average';

export interface Occupation {
  socCode: string;
  title: string;
  /** 1-3 letters from RIASEC, most characteristic first, e.g. "RC". */
  riasecCode: string;
  jobZone: JobZone;
  medianAnnualWage: number;
  outlook: Outlook;
}

export interface OccupationSuggestion {
  occupation: Occupation;
  /** 0-1: the person's interest in the occupation's areas, weighted by letter position. */
  fit: number;
  inChosenZone: boolean;
  reasons: string[];
}

const LETTER_WEIGHTS = [3, 2, 1] as const;

/**
 * Orders the whole catalogue for exploration; it never drops an occupation and never judges the person.
 *
 * Ranking rule:
 * 1. occupations in the chosen job zone first, then by distance from it (1 step, 2 steps, ...);
 * 2. within a zone distance, by fit, highest first. Fit is the person's scores in the occupation's
 *    letters as a share of the maximum (40), weighted 3/2/1 by letter position and divided by the
 *    weights used, so a one-letter code is not penalised against a three-letter one;
 * 3. remaining ties by SOC code, so the order is stable.
 * Wage and outlook are reported in the reasons but do not change the order: they are facts for the
 * person to weigh, not a measure of fit.
 */
export function suggestOccupations(
  profile: InterestProfile,
  jobZone: JobZone,
  catalogue: readonly Occupation[],
): OccupationSuggestion[] {
  const top = profile.hollandCode.split('') as RiasecArea[];
  return catalogue
    .map((occupation) => {
      const letters = parseRiasecCode(occupation.riasecCode);
      const weightUsed = letters.reduce((sum, _, i) => sum + LETTER_WEIGHTS[i], 0);
      const fit = letters.reduce((sum, l, i) => sum + (LETTER_WEIGHTS[i] * profile.scores[l]) / INTEREST_AREA_MAX, 0) / weightUsed;
      return { occupation, fit: Math.round(fit * 1000) / 1000, inChosenZone: occupation.jobZone === jobZone, reasons: explain(occupation, letters, top, profile, jobZone) };
    })
    .sort(
      (a, b) =>
        Math.abs(a.occupation.jobZone - jobZone) - Math.abs(b.occupation.jobZone - jobZone) ||
        b.fit - a.fit ||
        a.occupation.socCode.localeCompare(b.occupation.socCode),
    );
}

function parseRiasecCode(code: string): RiasecArea[] {
  const letters = code.toUpperCase().split('');
  if (letters.length < 1 || letters.length > 3 || letters.some((l) => !(RIASEC_AREAS as readonly string[]).includes(l)))
    throw new AssessmentError(AssessmentErrorCode.InvalidOccupationCode, [code], 'Occupation RIASEC codes are 1-3 letters of RIASEC');
  return letters as RiasecArea[];
}

function explain(o: Occupation, letters: RiasecArea[], top: RiasecArea[], p: InterestProfile, zone: JobZone): string[] {
  const reasons: string[] = [];
  const steps = o.jobZone - zone;
  reasons.push(
    steps === 0
      ? `In your chosen job zone ${zone}`
      : `Job zone ${o.jobZone}: ${Math.abs(steps)} step${Math.abs(steps) > 1 ? 's' : ''} ${steps > 0 ? 'more' : 'less'} preparation than zone ${zone}`,
  );
  const labels = ['primary', 'second', 'third'];
  for (const l of letters) {
    const rank = top.indexOf(l);
    reasons.push(
      rank >= 0
        ? `Matches your ${labels[rank]} interest, ${RIASEC_AREA_NAMES[l]} (${p.scores[l]}/${INTEREST_AREA_MAX})`
        : `Involves ${RIASEC_AREA_NAMES[l]} work, outside your top three (${p.scores[l]}/${INTEREST_AREA_MAX})`,
    );
  }
  reasons.push(`Median wage ${o.medianAnnualWage}; outlook ${o.outlook}`);
  if (!p.complete) reasons.push('Based on an incomplete interest profile');
  return reasons;
}
