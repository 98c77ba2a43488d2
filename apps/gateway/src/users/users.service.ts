import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { StaffRole, StaffUserView } from '@waypoint/contracts';
import { hashPassword, verifyPassword } from './password';
import { STAFF_USER_MODEL, type StaffUserDocument } from './staff-user.schema';

export interface NewStaffUser {
  username: string;
  displayName: string;
  password: string;
  roles: StaffRole[];
  office: string;
}

// Compared against when the username is unknown, so both failures take the same time.
const decoyHash = hashPassword('decoy-password-never-matches');

@Injectable()
export class UsersService {
  constructor(@InjectModel(STAFF_USER_MODEL) private readonly users: Model<StaffUserDocument>) {}

  /** The user for a username and password, or null: the caller never learns which was wrong. */
  async authenticate(username: string, password: string): Promise<StaffUserView | null> {
    const user = await this.users.findOne({ username: username.toLowerCase() }).lean<StaffUserDocument>().exec();
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
    if (!user || !ok || !user.active) return null;
    await this.users.updateOne({ _id: user._id }, { $set: { lastSignInAt: new Date() } }).exec();
    return toView(user);
  }

  async findById(id: string): Promise<StaffUserView | null> {
    const user = await this.users.findById(id).lean<StaffUserDocument>().exec();
    return user && user.active ? toView(user) : null;
  }

  /** Creates the user, or leaves an existing one with that username untouched. */
  async ensure(input: NewStaffUser): Promise<'created' | 'exists'> {
    const username = input.username.toLowerCase();
    if (await this.users.exists({ username })) return 'exists';
    await this.users.create({
      _id: randomUUID(),
      username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      roles: input.roles,
      office: input.office,
      active: true,
      createdAt: new Date(),
    });
    return 'created';
  }
}

function toView(u: StaffUserDocument): StaffUserView {
  return { id: u._id, username: u.username, displayName: u.displayName, roles: u.roles, office: u.office };
}
