import fc from 'fast-check';
import { passwordProblems } from '../auth/password-policy';

/** Issue 14 item 4: the passwords that were accepted are refused; reasonable ones pass. */
describe('password policy', () => {
  it.each(['aaaaaaaaaa', '1234567890', 'password12', 'Password12', 'P@ssword2026', 'Qwerty12345!', 'abc', 'Clerk#2026xyz', 'kreLC#2026xyz'])(
    '%s is refused',
    (pw) => expect(passwordProblems(pw, 'clerk').length).toBeGreaterThan(0),
  );

  it.each(['LongEnough#2026', 'Temp#Password2026', 'Sneaky#Password1', '河西区#Review9x', 'Tq7#mZ2v!Lp4'])('%s is accepted', (pw) => {
    expect(passwordProblems(pw, 'new.user')).toEqual([]);
  });

  it('never accepts a password that contains the username', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z]{3,12}$/), fc.string({ maxLength: 10 }), (name, rest) => {
      expect(passwordProblems(`Xy#9${name}${rest}`, name)).toContain('不得包含用户名');
    }));
  });
});
