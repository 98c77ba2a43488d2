import { can, type StaffRole, type StaffUserView } from '@waypoint/contracts';

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: 'Program administrator',
  supervisor: 'Supervisor',
  case_manager: 'Case manager',
  intake_worker: 'Intake worker',
  job_developer: 'Job developer',
  trainer: 'Trainer',
};

/** Roles that may register participants, from the shared access table (the gateway checks again: a 403 is still handled). */
export function canRegisterParticipants(user: StaffUserView): boolean {
  return can(user.roles, 'writePeople');
}

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}
