// Loads the .sql files that sit beside the code using them, once, at import time.
import { readFileSync } from 'node:fs';

/** sqlFile(import.meta.url, 'x.sql') reads x.sql from the caller's folder. */
export function sqlFile(callerUrl: string, name: string): string {
  return readFileSync(new URL(name, callerUrl), 'utf8');
}
