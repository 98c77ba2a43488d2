import type { StaffRole, StaffUserView } from '@waypoint/contracts';

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Program administrator',
  supervisor: 'Supervisor',
  case_manager: 'Case manager',
  intake_worker: 'Intake worker',
  job_developer: 'Job developer',
  trainer: 'Trainer',
};

/** Roles the gateway lets register participants (it checks again: a 403 is still handled). */
const REGISTERING_ROLES: readonly StaffRole[] = ['intake_worker', 'case_manager', 'admin'];

export function canRegisterParticipants(user: StaffUserView): boolean {
  return user.roles.some((role) => REGISTERING_ROLES.includes(role));
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}
