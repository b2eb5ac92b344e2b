import { randomBytes } from 'crypto';

/**
 * The form of a password the sandbox issues or is given to issue: base64url, at least 32
 * characters. Checked before a password reaches SQL or `ACL SETUSER`, where it then needs no
 * escaping beyond the literal.
 */
export const ISSUED_PASSWORD_PATTERN = /^[A-Za-z0-9_-]{32,}$/;

/** A new password: 24 random bytes as base64url (32 characters). */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}
