import { maskAddress, maskIdNumber, maskPhone } from '../crypto/masking';

describe('masking personal data for roles that do not need the full value', () => {
  it.each([
    ['11010519491231002X', '110105********002X'],
    ['110101199003070038', '110101********0038'],
    ['11010519491231', '110105****1231'], // 14 characters: first 6, last 4
    ['12345678901', '123456*8901'],
    ['1234567890', '**********'], // 10 or fewer: everything hidden
    ['123', '***'],
    ['', null],
    [null, null],
    [undefined, null],
  ])('maskIdNumber(%p) = %p', (input, out) => {
    expect(maskIdNumber(input)).toBe(out);
  });

  it('an 18-digit ID keeps only region code and last four: the birth date is hidden', () => {
    const masked = maskIdNumber('11010519491231002X')!;
    expect(masked).not.toContain('19491231');
    expect(masked).toHaveLength(18);
  });

  it.each([
    ['13812345678', '138****5678'],
    ['010-12345678', '010*****5678'],
    ['01012345678', '010****5678'],
    ['123456', '******'],
    ['', null],
    [null, null],
  ])('maskPhone(%p) = %p', (input, out) => {
    expect(maskPhone(input)).toBe(out);
  });

  it.each([
    ['北京市通州区玉桥街道玉桥中路8号', '北京市通州区****'],
    ['北京市通州区', '北京****'], // 6 characters or fewer: only the first two
    ['通州', '通州****'],
    ['𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇', '𠀀𠀁𠀂𠀃𠀄𠀅****'], // counts characters, not UTF-16 units
    ['', null],
    [null, null],
  ])('maskAddress(%p) = %p', (input, out) => {
    expect(maskAddress(input)).toBe(out);
  });

  it('a masked value never contains the hidden middle', () => {
    expect(maskPhone('13812345678')).not.toContain('1234');
    expect(maskAddress('北京市通州区玉桥街道玉桥中路8号')).not.toContain('玉桥');
  });
});
