import type { StaffRole } from '@waypoint/contracts';
import type { NewStaffUser } from '../users/users.service';

/** Demo sign-ins, one per role. Seeded only by the run command and tests, never in production. */
export const DEMO_PASSWORD = 'Waypoint-demo-1';

const user = (username: string, displayName: string, role: StaffRole, office = 'north-ajc'): NewStaffUser => ({
  username,
  displayName,
  password: DEMO_PASSWORD,
  roles: [role],
  office,
});

export const DEMO_USERS: NewStaffUser[] = [
  user('admin', 'Ada Admin', 'admin'),
  user('supervisor', 'Sam Supervisor', 'supervisor'),
  user('case.manager', 'Casey Manager', 'case_manager'),
  user('intake.worker', 'Ira Intake', 'intake_worker'),
  user('job.developer', 'Jo Developer', 'job_developer'),
  user('trainer', 'Terry Trainer', 'trainer'),
];
