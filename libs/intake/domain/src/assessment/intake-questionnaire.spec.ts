import type { IntakeQuestionnaireRequest } from '@waypoint/contracts';
import { compareQuestionnaires, questionnaireProblems, summarizeQuestionnaire } from './intake-questionnaire';

const today = '2026-06-15';
const job = (employer: string, startDate: string, endDate?: string) => ({ occupation: 'Cook', employer, startDate, ...(endDate ? { endDate } : {}) });
const cred = (name: string, earnedOn: string, expiresOn?: string) => ({ name, issuer: 'State Board', earnedOn, ...(expiresOn ? { expiresOn } : {}) });

function questionnaire(extra: Partial<IntakeQuestionnaireRequest> = {}): IntakeQuestionnaireRequest {
  return {
    highestEducation: 'high_school_diploma',
    workHistory: [],
    credentials: [],
    primaryLanguage: 'English',
    englishProficiency: 'native',
    needsInterpreter: false,
    digitalAccess: { devices: ['smartphone'], homeInternet: true, usesEmail: true, comfort: 3 },
    ...extra,
  };
}

describe('questionnaireProblems', () => {
  it.each<[string, Partial<IntakeQuestionnaireRequest>, { field: string; message: string }[]]>([
    ['a job still going', { workHistory: [job('Diner', '2020-01-01')] }, []],
    ['a one-day job', { workHistory: [job('Diner', '2020-01-01', '2020-01-01')] }, []],
    ['a job ending before it starts', { workHistory: [job('Diner', '2020-05-01', '2020-04-30')] }, [{ field: 'workHistory.0.endDate', message: 'End date must be on or after the start date' }]],
    ['a job starting in the future', { workHistory: [job('A', '2019-01-01', '2019-02-01'), job('Diner', '2026-06-16')] }, [{ field: 'workHistory.1.startDate', message: 'Start date cannot be in the future' }]],
    ['a job ending in the future', { workHistory: [job('Diner', '2026-01-01', '2026-07-01')] }, [{ field: 'workHistory.0.endDate', message: 'End date cannot be in the future' }]],
    ['a credential earned in the future', { credentials: [cred('CNA', '2026-06-16')] }, [{ field: 'credentials.0.earnedOn', message: 'Date earned cannot be in the future' }]],
    ['a credential expiring before it was earned', { credentials: [cred('CNA', '2024-01-01', '2023-12-31')] }, [{ field: 'credentials.0.expiresOn', message: 'Expiry date must be on or after the date earned' }]],
    ['a credential expiring in the future', { credentials: [cred('CNA', '2024-01-01', '2027-01-01')] }, []],
  ])('%s', (_, extra, problems) => {
    expect(questionnaireProblems(questionnaire(extra), today)).toEqual(problems);
  });
});

describe('summarizeQuestionnaire', () => {
  it('counts jobs and credentials and names those already expired', () => {
    const q = questionnaire({ workHistory: [job('A', '2020-01-01')], credentials: [cred('CNA', '2020-01-01', '2026-06-14'), cred('Forklift', '2021-01-01', '2026-06-15')] });
    expect(summarizeQuestionnaire(q, today)).toEqual({ jobs: 1, credentials: 2, expiredCredentials: ['CNA'] });
  });
});

describe('compareQuestionnaires', () => {
  it.each<[string, Partial<IntakeQuestionnaireRequest>, Partial<IntakeQuestionnaireRequest>, string[], string[]]>([
    ['nothing new', { workHistory: [job('A', '2020-01-01')] }, { workHistory: [job('A', '2020-01-01', '2021-01-01')] }, [], []],
    ['a new job', { workHistory: [job('A', '2020-01-01')] }, { workHistory: [job('A', '2020-01-01'), job('B', '2024-01-01')] }, ['B'], []],
    ['the same employer again later is a new job', { workHistory: [job('A', '2020-01-01', '2020-06-01')] }, { workHistory: [job('a ', '2020-01-01'), job('A', '2023-01-01')] }, ['A'], []],
    ['a new credential', { credentials: [cred('CNA', '2020-01-01')] }, { credentials: [cred('cna', '2020-01-01'), cred('Forklift', '2025-01-01')] }, [], ['Forklift']],
  ])('finds %s', (_, from, to, newJobs, newCredentials) => {
    const c = compareQuestionnaires(questionnaire(from), questionnaire(to));
    expect(c.newJobs.map((j) => j.employer)).toEqual(newJobs);
    expect(c.newCredentials.map((x) => x.name)).toEqual(newCredentials);
    expect(c.educationChanged).toBe(false);
  });

  it('notes a change of education', () => {
    expect(compareQuestionnaires(questionnaire(), questionnaire({ highestEducation: 'hse_equivalency' }))).toMatchObject({
      educationChanged: true,
      fromEducation: 'high_school_diploma',
      toEducation: 'hse_equivalency',
    });
  });
});
