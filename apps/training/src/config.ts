import { z } from 'zod/v4';
import { baseConfigSchema, loadConfig, portSchema } from '@waypoint/platform';

export const trainingConfigSchema = baseConfigSchema.extend({ TRAINING_PORT: portSchema.default(3103) });
export type TrainingConfig = z.infer<typeof trainingConfigSchema>;

export const loadTrainingConfig = (env: NodeJS.ProcessEnv = process.env): TrainingConfig => loadConfig(trainingConfigSchema, env);
