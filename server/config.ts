// Reads the environment once into a typed, validated object; a bad value stops the start.
import path from 'node:path';
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const schema = z.object({
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  SEED: z.preprocess(emptyToUndefined, z.enum(['panji', 'none']).default('panji')),
  ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(8, 'must be at least 8 characters').optional()),
  TIANDITU_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9]{16,64}$/, 'must be the 16–64 letters and digits of a Tianditu key')
      .optional(),
  ),
  BASEMAP_STYLE_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
  SMS_WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
});

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  seed: 'panji' | 'none';
  adminPassword: string | undefined;
  tiandituKey: string | undefined;
  basemapStyleUrl: string | undefined;
  /** Where the outbox posts SMS notices; absent: messages are only recorded. */
  smsWebhookUrl: string | undefined;
}

export class ConfigError extends Error {}

/** Parses an environment; throws ConfigError naming every bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    dataDir: path.resolve(c.DATA_DIR),
    seed: c.SEED,
    adminPassword: c.ADMIN_PASSWORD,
    tiandituKey: c.TIANDITU_KEY,
    basemapStyleUrl: c.BASEMAP_STYLE_URL,
    smsWebhookUrl: c.SMS_WEBHOOK_URL,
  };
}
