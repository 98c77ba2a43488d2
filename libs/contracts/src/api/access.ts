/**
 * Who may do what with intake's data: one table read by the gateway (route guards) and by
 * the intake service (which checks again, and leaves out the fields a role may not see).
 * Staff roles: intake_worker, case_manager, supervisor, admin, job_developer, trainer.
 */
export const StaffRoles = ['intake_worker', 'case_manager', 'supervisor', 'admin', 'job_developer', 'trainer'] as const;
export type StaffRoleName = (typeof StaffRoles)[number];

export const IntakeAccess = {
  /** Register people, edit their record, run group intake sessions. */
  writePeople: ['intake_worker', 'case_manager', 'admin'],
  /** Read the person's record (name, date of birth, contact, office, programs of interest). */
  readPeople: ['intake_worker', 'case_manager', 'supervisor', 'admin', 'job_developer', 'trainer'],
  /** See the last four SSN digits (never the whole number: nobody can read that). */
  readSsnLast4: ['intake_worker', 'case_manager', 'supervisor', 'admin'],
  /** Consent and release-of-information records. */
  readConsents: ['intake_worker', 'case_manager', 'supervisor', 'admin'],
  writeConsents: ['intake_worker', 'case_manager'],
  /** Programs, offices, occupation catalogue: everyone reads, administrators change. */
  readConfiguration: ['intake_worker', 'case_manager', 'supervisor', 'admin', 'job_developer', 'trainer'],
  writeConfiguration: ['admin'],
  /** Eligibility answers (income, assistance...) and determinations. */
  readEligibility: ['intake_worker', 'case_manager', 'supervisor', 'admin'],
  writeEligibility: ['intake_worker', 'case_manager'],
  /** Enrollments (which programs, since when): everyone whose work depends on it. */
  readEnrollments: ['intake_worker', 'case_manager', 'supervisor', 'admin', 'job_developer', 'trainer'],
  writeEnrollments: ['intake_worker', 'case_manager'],
  /** Assessments in general: intake questionnaire, interest profile, job-readiness ratings. */
  readAssessments: ['intake_worker', 'case_manager', 'supervisor', 'admin', 'job_developer', 'trainer'],
  writeAssessments: ['intake_worker', 'case_manager'],
  /** Barriers and needs (health, disability, justice involvement, housing...): need-to-know only. */
  readBarriers: ['intake_worker', 'case_manager', 'supervisor'],
  /** The personal-readiness checklist: the case manager alone. */
  readPersonalReadiness: ['case_manager'],
  writePersonalReadiness: ['case_manager'],
} as const satisfies Record<string, readonly StaffRoleName[]>;

export type IntakePermission = keyof typeof IntakeAccess;

/** Whether any of `roles` carries `permission`. */
export function can(roles: readonly string[], permission: IntakePermission): boolean {
  const allowed: readonly string[] = IntakeAccess[permission];
  return roles.some((r) => allowed.includes(r));
}
