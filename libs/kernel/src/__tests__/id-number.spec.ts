import { idNumberCheckChar, idNumberProblem, isValidCreditCode } from '../id-number';

/** Independent GB 11643 check character, written out from the standard so the test does not trust the code under test. */
function referenceCheckChar(first17: string): string {
  const sum = [...first17].reduce((acc, ch, i) => acc + Number(ch) * (2 ** (17 - i) % 11), 0);
  return ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'][sum % 11];
}
const withCheck = (first17: string) => first17 + referenceCheckChar(first17);

describe('resident ID number (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', 'the standard\'s own example, X check character'],
    ['11010119900307803X', 'X check character'],
    ['110101199003070038', 'digit check character'],
    [withCheck('44030420000229123'), 'born on 29 February of a leap year'],
    [withCheck('11010119000101123'), 'born 1900-01-01 (earliest accepted year)'],
  ])('%s is valid (%s)', (id) => {
    expect(idNumberProblem(id)).toBeNull();
  });

  it('accepts a lower-case x as check character', () => {
    expect(idNumberProblem('11010519491231002x')).toBeNull();
  });

  it('computes the check character as the standard defines it (weights 2^(17-i) mod 11)', () => {
    for (const first17 of ['11010519491231002', '11010119900307803', '32010219851103451', '65010120010101001', '44030420000229123']) {
      expect(idNumberCheckChar(first17)).toBe(referenceCheckChar(first17));
    }
  });

  it.each([
    ['110105194912310021', 'checksum'],
    ['110101199003070039', 'checksum'],
    ['11010519491231002Y', 'format'],
    ['1101051949123100', 'format'],
    ['1101051949123100211', 'format'],
    ['', 'format'],
    ['11010519491231002X ', 'format'],
    ['A1010519491231002X', 'format'],
    [withCheck('11010119850230123'), 'birthdate'], // 30 February
    [withCheck('11010119850431123'), 'birthdate'], // 31 April
    [withCheck('11010120010229123'), 'birthdate'], // 2001 is not a leap year
    [withCheck('11010119851301123'), 'birthdate'], // month 13
    [withCheck('11010119850100123'), 'birthdate'], // day 0
    [withCheck('11010118991231123'), 'birthdate'], // before 1900
  ])('%s → %s', (id, problem) => {
    expect(idNumberProblem(id)).toBe(problem);
  });

  it('rejects a birth date in the future (nobody can be born after today)', () => {
    expect(idNumberProblem(withCheck('11010120990101123'))).toBe('birthdate');
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000600037341L', '91110108551385082Q', '91110108551385082q'])('%s is valid', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each([
    ['91350100M000100Y44', 'wrong check character'],
    ['91110000600037341X', 'wrong check character'],
    ['91350100M000100Y4', '17 characters'],
    ['91350100M000100Y433', '19 characters'],
    ['91350100M00010OY43', 'letter O is not in the alphabet'],
    ['91350100M00010IY43', 'letter I is not in the alphabet'],
    ['9135010AM000100Y43', 'letter inside the 6-digit area code'],
    ['', 'empty'],
  ])('%s is invalid (%s)', (code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });
});
