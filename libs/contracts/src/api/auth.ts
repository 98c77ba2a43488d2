import { z } from 'zod/v4';

export const STAFF_ROLES = ['admin', 'supervisor', 'case_manager', 'intake_worker', 'job_developer', 'trainer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const loginRequestSchema = z
  .object({
    username: z.string().trim().min(1, 'Username is required').max(100),
    password: z.string().min(1, 'Password is required').max(200),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface StaffUserView {
  id: string;
  username: string;
  displayName: string;
  roles: StaffRole[];
  office: string;
}

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: StaffUserView;
}
