import type {
  Credential,
  FieldError,
  IntakeQuestionnaireRequest,
  QuestionnaireComparison,
  QuestionnaireResult,
  WorkHistoryEntry,
} from '@waypoint/contracts';

/**
 * The date rules of the intake questionnaire that its shape cannot express, as field errors
 * (empty when all is well). `today` is YYYY-MM-DD. A job may end on the day it started (day
 * labour), never before; nothing may start, end or be earned in the future. Expiry dates
 * may be in the future (that is their point) but not before the date earned.
 */
export function questionnaireProblems(q: IntakeQuestionnaireRequest, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const notFuture = (field: string, date: string | undefined, what: string) => {
    if (date !== undefined && date > today) errors.push({ field, message: `${what} cannot be in the future` });
  };
  q.workHistory.forEach((job, i) => {
    notFuture(`workHistory.${i}.startDate`, job.startDate, 'Start date');
    notFuture(`workHistory.${i}.endDate`, job.endDate, 'End date');
    if (job.endDate !== undefined && job.endDate < job.startDate)
      errors.push({ field: `workHistory.${i}.endDate`, message: 'End date must be on or after the start date' });
  });
  q.credentials.forEach((c, i) => {
    notFuture(`credentials.${i}.earnedOn`, c.earnedOn, 'Date earned');
    if (c.expiresOn !== undefined && c.expiresOn < c.earnedOn)
      errors.push({ field: `credentials.${i}.expiresOn`, message: 'Expiry date must be on or after the date earned' });
  });
  return errors;
}

export function summarizeQuestionnaire(q: IntakeQuestionnaireRequest, today: string): QuestionnaireResult {
  return {
    jobs: q.workHistory.length,
    credentials: q.credentials.length,
    expiredCredentials: q.credentials.filter((c) => c.expiresOn !== undefined && c.expiresOn < today).map((c) => c.name),
  };
}

const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const credentialKey = (c: Credential) => `${fold(c.name)}|${fold(c.issuer)}`;
const jobKey = (j: WorkHistoryEntry) => `${fold(j.employer)}|${fold(j.occupation)}|${j.startDate}`;

/**
 * What the later questionnaire adds: credentials not held before (same name and issuer, in any
 * case, is the same credential, even re-earned) and jobs not listed before (same employer,
 * occupation and start date is the same job, even if it has since ended).
 */
export function compareQuestionnaires(from: IntakeQuestionnaireRequest, to: IntakeQuestionnaireRequest): QuestionnaireComparison {
  const heldBefore = new Set(from.credentials.map(credentialKey));
  const jobsBefore = new Set(from.workHistory.map(jobKey));
  return {
    newCredentials: to.credentials.filter((c) => !heldBefore.has(credentialKey(c))),
    newJobs: to.workHistory.filter((j) => !jobsBefore.has(jobKey(j))),
    educationChanged: from.highestEducation !== to.highestEducation,
    fromEducation: from.highestEducation,
    toEducation: to.highestEducation,
  };
}
