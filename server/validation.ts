// Input checks at the edge: a zod schema or a numeric id, answered with 400 naming what is wrong.
import type { z } from 'zod';
import { badRequest } from './errors';

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw badRequest(r.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return r.data;
}

/** A positive whole number from a path segment, e.g. /users/:id. */
export function parseId(raw: unknown, what: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id < 1) throw badRequest(`${what} id must be a positive whole number`);
  return id;
}

/** Text to search for with ILIKE: its own %, _ and \\ match themselves. */
export const likeText = (q: string) => q.replace(/[\\%_]/g, '\\$&');
