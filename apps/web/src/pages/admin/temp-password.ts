/** Characters that read unambiguously when a password is read out or copied by hand (no 0/O, 1/l/I). */
const CLASSES = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '@#%+=?'];

function pick(alphabet: string, random: () => number): string {
  return alphabet[Math.floor(random() * alphabet.length)];
}

const cryptoRandom = () => crypto.getRandomValues(new Uint32Array(1))[0] / 2 ** 32;

/**
 * A temporary password for an account the administrator creates or resets: 14 characters, every character class at
 * least twice, from the browser's cryptographic generator. The API checks it against the password policy (and answers
 * PASSWORD_POLICY with the reason if ever it falls foul of it); the user must change it at first sign-in.
 */
export function temporaryPassword(random: () => number = cryptoRandom): string {
  const chars = CLASSES.flatMap((c) => [pick(c, random), pick(c, random)]);
  const all = CLASSES.join('');
  while (chars.length < 14) chars.push(pick(all, random));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
