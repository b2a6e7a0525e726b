import { findPersonalData } from '../personal-data';

describe('findPersonalData', () => {
  it.each([
    ['永乐店镇13800138000号地块征收项目', 'phone'],
    ['张三110101199003070038项目', 'id_number'],
    ['永乐店镇110101199003070038', 'id_number'],
    ['身份证11010519491231002X', 'id_number'],
    ['身份证11010519491231002x。', 'id_number'],
    ['身份证１１０１０１１９９００３０７００３８', 'id_number'], // full-width digits
    ['1101 0119 9003 0700 38', 'id_number'],
    ['110101-19900307-0038', 'id_number'],
    ['老身份证110101900307003', 'id_number'], // 15-digit first-generation number
    ['电话138-0013-8000', 'phone'],
    ['电话138 0013 8000', 'phone'],
    ['电话138.0013.8000', 'phone'],
    ['电话１３８－００１３－８０００', 'phone'],
    ['电话138\u200b0013\u200b8000', 'phone'], // zero-width spaces between the groups
    ['电话138\u30000013\u30008000', 'phone'], // ideographic spaces
    ['+8613912345678', 'phone'],
    ['+86 139 1234 5678', 'phone'],
    ['＋86-139-1234-5678', 'phone'],
    ['008613912345678', 'phone'],
    ['+86 10 6954 1234', 'phone'],
    ['联系电话010-69541234', 'phone'],
    ['0106954 1234', 'phone'],
    ['（010）69541234', 'phone'],
    ['0571-87654321', 'phone'],
    ['0312-7654321', 'phone'],
    ['身份证110101199003070038，电话13800138000', 'id_number'],
    ['110101199003070038 13800138000', 'id_number'], // two numbers separated by a space are still found
    ['编号2026 13800138000', 'phone'],
  ])('%s → %s', (text, kind) => {
    expect(findPersonalData(text)).toBe(kind);
  });

  it.each([
    '通复〔2026〕第00012号',
    '京通城管罚字〔2026〕第101号',
    '京通公（治）决字〔2026〕第123号',
    '（2026）京0112行初123号',
    '统一社会信用代码91110000600037341L',
    '2026-11-26',
    '2026年11月26日',
    '2026-11-01至2026-11-30',
    '2026-01-01 2026-12-31',
    '2026.11.01-2026.11.30',
    '2026-12-10 09:30',
    '罚款3000元',
    '补偿款1,234,567.89元',
    '3号地块',
    '宋庄镇小堡村棚户区改造项目（二期）',
    '共12户，涉及面积3500平方米',
    '第1、2、3项',
    '《行政复议法》第八十八条第二款',
    '限期10个工作日',
    '5-2-301',
    '文号 京政发〔2026〕12号 第3条',
    '',
  ])('%s → nothing', (text) => {
    expect(findPersonalData(text)).toBeNull();
  });

  it('a mobile number inside a longer digit run is not one (e.g. a 20-digit serial number)', () => {
    expect(findPersonalData('流水号81380013800012345678')).toBeNull();
  });
});
