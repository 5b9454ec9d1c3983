// Password hashing with argon2id (@node-rs/argon2); a dummy verify keeps unknown users as slow as known ones.
import { hash, verify } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 10;

export const hashPassword = (password: string) => hash(password);

let dummyHash: Promise<string> | undefined;

/** True when the password matches; with no hash (unknown user, no password yet) it still spends the time. */
export async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hash(randomBytes(16).toString('hex'));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** A password for the first admin when ADMIN_PASSWORD is not set: printed once, never stored in clear. */
export const randomPassword = () => randomBytes(12).toString('base64url');
