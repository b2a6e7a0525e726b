import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: the code is read out over the counter and typed by applicants.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
