/**
 * Seeds demo data through the gateway API, as staff would enter it, so it goes through the
 * same validation, duplicate check, outbox, events and journeys as real data:
 *  - the intake worker registers `count` people (demo-people.ts): every fourth with an SSN
 *    (stored encrypted; the UI shows the last four), the last four in a group intake
 *    session, and a consent for the first. No two look alike, so none needs a duplicate review;
 *  - for about two thirds the intake worker determines eligibility from plausible answers,
 *    some facts left unknown (demo-eligibility.ts); the case manager (or, for some, the intake
 *    worker) enrolls each in one or two programs of interest they are eligible for, and two
 *    enrollments have ended with a reason;
 *  - for about half the case manager completes assessments (demo-assessments.ts), with a
 *    reassessment of one kind for four people and the personal-readiness checklist for some.
 *  - for each person with an open enrollment, planning records services (an assessment
 *    interview; for some a training in progress, a bus pass scheduled next week, job club,
 *    an information-only handout that does not count toward exit) and, for half, a contact
 *    (demo-casework.ts); their journeys move to services or placement from these events.
 * Completion dates are the day of the seed (the API sets them), so no reassessment is overdue yet.
 * Idempotent: does nothing if the agency already has participants.
 *   node -r ts-node/register/transpile-only tools/seed/seed-demo.ts [gatewayUrl] [count]
 */
import type {
  AssessmentRecord,
  EligibilityDeterminationView,
  EnrollmentView,
  IntakeSessionSummary,
  Page,
  ParticipantDetail,
  ParticipantSummary,
  RecordConsentRequest,
} from '../../libs/contracts/src';
import { assessmentPlan, hasAssessments } from './demo-assessments';
import { inParallel, signIn, type DemoClient } from './demo-api';
import { caseworkPlan, recordCasework } from './demo-casework';
import { daysAgo } from './demo-dates';
import { demoExit, eligibilityAnswers, enrolledBy, enrollmentsWanted, hasEligibility } from './demo-eligibility';
import { demoPerson, type DemoPerson } from './demo-people';

const gateway = process.argv[2] ?? 'http://127.0.0.1:3000';
const count = Number(process.argv[3] ?? 40);

/** People from this index on are registered in the demo group intake session. */
const SESSION_FROM = count - 4;
/** How many people's eligibility, enrollments and assessments are entered at once. */
const PARALLEL = 16;

interface Staff {
  intake: DemoClient;
  caseManager: DemoClient;
  trainer: DemoClient;
  jobDeveloper: DemoClient;
}

interface Tally {
  determinations: number;
  undetermined: number;
  enrollments: number;
  exits: number;
  assessments: number;
  reassessments: number;
  checklists: number;
  services: number;
  contacts: number;
}

/** The demo group intake session the last four people are registered in (closed once they are). */
async function openSession(intake: DemoClient): Promise<IntakeSessionSummary> {
  const startsAt = new Date(Date.now() - 2 * 3600_000).toISOString();
  return intake.post<IntakeSessionSummary>('/sessions', { office: 'north-ajc', title: 'Monday group orientation', startsAt }, 'the intake session');
}

async function register(intake: DemoClient, p: DemoPerson, session: IntakeSessionSummary | undefined): Promise<string> {
  const inSession = session && p.index >= SESSION_FROM;
  const path = inSession ? `/sessions/${session.id}/registrations` : '/participants';
  const body = inSession ? { ...p.registration, office: session.office } : p.registration;
  return (await intake.post<ParticipantDetail>(path, body, `participant ${p.index}`)).id;
}

async function recordConsent(intake: DemoClient, participantId: string): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const consent: RecordConsentRequest = {
    partner: 'Riverside Housing Trust',
    purpose: 'Coordinate housing support with the case manager',
    scopes: ['contact', 'enrollment', 'barriers'],
    grantedOn: today,
    expiresOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`.replace('-02-29', '-02-28'),
    signedBy: 'participant',
  };
  await intake.post(`/participants/${participantId}/consents`, consent, 'a consent');
}

/** Eligibility from the person's answers, then enrollment in programs of interest the determination says they are eligible for. */
async function determineAndEnroll(staff: Staff, p: DemoPerson, id: string, tally: Tally): Promise<void> {
  const determination = await staff.intake.post<EligibilityDeterminationView>(`/participants/${id}/eligibility`, eligibilityAnswers(p), `eligibility of participant ${p.index}`);
  tally.determinations++;
  const interested = determination.results.filter((r) => p.registration.programsOfInterest.includes(r.program));
  if (interested.some((r) => r.status === 'undetermined')) tally.undetermined++;
  const eligible = interested.filter((r) => r.status === 'eligible').slice(0, enrollmentsWanted(p.index));
  const enroller = enrolledBy(p.index) === 'intake.worker' ? staff.intake : staff.caseManager;
  const enrollments: EnrollmentView[] = [];
  for (const r of eligible) {
    enrollments.push(await enroller.post<EnrollmentView>(`/participants/${id}/enrollments`, { program: r.program, determinationId: determination.id }, `enrollment of participant ${p.index} in ${r.program}`));
    tally.enrollments++;
  }
  const exit = demoExit(p.index, daysAgo(0));
  if (exit && enrollments[0]) {
    await staff.caseManager.post(`/participants/${id}/enrollments/${enrollments[0].id}/exit`, exit, `exit of participant ${p.index}`, 200);
    tally.exits++;
  }
  const stillOpen = enrollments.slice(exit ? 1 : 0);
  if (stillOpen[0]) {
    const recorded = await recordCasework(staff, id, caseworkPlan(p.index, stillOpen[0].program), `participant ${p.index}`);
    tally.services += recorded.services;
    tally.contacts += recorded.contacts;
  }
}

/** The case manager's assessments, one after the other (a second of a kind follows the first). */
async function assess(caseManager: DemoClient, p: DemoPerson, id: string, tally: Tally): Promise<void> {
  const plan = assessmentPlan(p);
  for (const a of plan.assessments) {
    const record = await caseManager.post<AssessmentRecord>(`/participants/${id}/assessments/${a.kind}`, a.body, `${a.kind} assessment of participant ${p.index}`);
    tally.assessments++;
    if (record.number > 1) tally.reassessments++;
  }
  if (plan.personalReadiness) {
    await caseManager.put(`/participants/${id}/assessments/job-readiness/1/personal-readiness`, plan.personalReadiness, `personal readiness of participant ${p.index}`);
    tally.checklists++;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const intake = await signIn(gateway, 'intake.worker');
  const existing = await intake.get<Page<ParticipantSummary>>('/participants?limit=1');
  if (existing.items.length > 0) {
    console.log('demo participants already present; nothing seeded');
    return;
  }
  const [caseManager, trainer, jobDeveloper] = await Promise.all(['case.manager', 'trainer', 'job.developer'].map((u) => signIn(gateway, u)));
  const staff: Staff = { intake, caseManager, trainer, jobDeveloper };
  const session = SESSION_FROM >= 0 ? await openSession(intake) : undefined;

  // One pipeline per person (register, eligibility and enrollments, assessments), several people at a time.
  const tally: Tally = { determinations: 0, undetermined: 0, enrollments: 0, exits: 0, assessments: 0, reassessments: 0, checklists: 0, services: 0, contacts: 0 };
  const people = Array.from({ length: count }, (_, i) => demoPerson(i));
  await inParallel(people, PARALLEL, async (p) => {
    const id = await register(intake, p, session);
    if (p.index === 0) await recordConsent(intake, id);
    if (hasEligibility(p.index)) await determineAndEnroll(staff, p, id, tally);
    if (hasAssessments(p.index)) await assess(staff.caseManager, p, id, tally);
  });
  if (session) await intake.post(`/sessions/${session.id}/close`, undefined, 'closing the intake session', 200);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `seeded ${count} demo participants (${count - SESSION_FROM} in a group intake session), a consent, ` +
      `${tally.determinations} eligibility determinations (${tally.undetermined} waiting on a document), ` +
      `${tally.enrollments} enrollments (${tally.exits} exited), ${tally.assessments} assessments ` +
      `(${tally.reassessments} reassessments), ${tally.checklists} personal-readiness checklists, ` +
      `${tally.services} services and ${tally.contacts} contacts in ${seconds} s`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
