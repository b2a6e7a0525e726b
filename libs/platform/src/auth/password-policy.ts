import { DomainError } from '@fuyi/kernel';

/**
 * The password policy (issue 14 item 4: `aaaaaaaaaa`, `1234567890` and `password12` were accepted). Applied when a
 * password is set (account created, reset, changed), never at login, so existing accounts keep working until changed.
 * A password must be 10–128 characters with at least three of: lower case, upper case, digits, other characters; not
 * derived from the username; no character four times in a row; no run of five or more consecutive keys or digits;
 * and not a common password (BLOCKLIST, compared without case, digits and symbols at the ends).
 */
export const PASSWORD_POLICY = { minLength: 10, maxLength: 128, minClasses: 3 } as const;

/** Common passwords and patterns (lower case, stripped of leading/trailing digits and symbols). */
const BLOCKLIST = new Set([
  'password', 'passw0rd', 'p@ssword', 'p@ssw0rd', 'qwerty', 'qwertyuiop', 'asdfgh', 'asdfghjkl', 'zxcvbnm', 'abc', 'abcd', 'abcdef',
  'letmein', 'welcome', 'admin', 'administrator', 'root', 'iloveyou', 'monkey', 'dragon', 'master', 'sunshine', 'princess', 'football',
  'baseball', 'shadow', 'superman', 'trustno', 'whatever', 'changeme', 'default', 'secret', 'login', 'test', 'guest', 'user', 'china',
  'beijing', 'tongzhou', 'woaini', 'aini', 'wangyi', 'fuyi', 'zhengfu', 'mima', 'huanying', 'qazwsx', 'qweasd', 'qweasdzxc', '1qaz2wsx',
  'zaq12wsx', 'abc123', 'a1b2c3', 'q1w2e3r4', 'aa', 'asd', 'qwe', 'admin123', 'password123',
]);
const SEQUENCES = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '01234567890'];

export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_POLICY.minLength || password.length > PASSWORD_POLICY.maxLength) {
    problems.push(`长度应为 ${PASSWORD_POLICY.minLength} 到 ${PASSWORD_POLICY.maxLength} 个字符`);
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < PASSWORD_POLICY.minClasses) problems.push('应至少包含小写字母、大写字母、数字、符号中的三类');
  const lower = password.toLowerCase();
  if (/(.)\1{3}/.test(password)) problems.push('不得有同一字符连续重复4次及以上');
  const runs = [...SEQUENCES, ...SEQUENCES.map((s) => [...s].reverse().join(''))];
  if (runs.some((s) => [...Array(s.length - 4).keys()].some((i) => lower.includes(s.slice(i, i + 5))))) problems.push('不得包含连续5个及以上的顺序字符（如 12345、abcde、qwert）');
  const core = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  if (BLOCKLIST.has(core) || BLOCKLIST.has(lower)) problems.push('不得使用常见密码');
  if (username) {
    const name = username.toLowerCase();
    const letters = name.replace(/[^a-z0-9]/g, '');
    if (name.length >= 3 && (lower.includes(name) || lower.includes([...name].reverse().join('')) || (letters.length >= 3 && lower.includes(letters)))) {
      problems.push('不得包含用户名');
    }
  }
  return problems;
}

export function assertPasswordPolicy(password: string, username: string | undefined, field = 'password'): void {
  const problems = passwordProblems(password, username);
  if (problems.length) {
    throw new DomainError('PASSWORD_POLICY', `密码不符合要求：${problems.join('；')}`, 'invalid', { fields: [{ field, message: problems.join('；') }] });
  }
}
