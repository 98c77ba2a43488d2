import { Module } from '@nestjs/common';

/** Group intake sessions: one worker registers several people, each with their own record and journey. */
@Module({})
export class SessionsModule {}
