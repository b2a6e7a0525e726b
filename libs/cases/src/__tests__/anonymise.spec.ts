import { findPersonalData } from '@fuyi/kernel';
import { anonymise, REDACTED, surnameOnly } from '../domain/anonymise';

/** ARL 79 publication: realistic decision texts lose every name, ID number, phone, address and plate; organisations stay. */
describe('anonymise (published decisions)', () => {
  const noLeak = (out: string, secrets: string[]) => {
    expect(secrets.filter((s) => out.includes(s))).toEqual([]);
    expect(findPersonalData(out)).toBeNull();
  };

  it('a penalty decision: applicant block, agent, plate numbers, a witness not in the record', () => {
    const text = `申请人：李卫东，男，1975年6月3日出生，汉族，身份证号码11010519750603241X，住北京市朝阳区望京西园三区312号楼5单元1402室，联系电话：186-1234-5678。
委托代理人：孙丽，北京市某某律师事务所律师，电话（010）8456 7890转123。
被申请人：北京市公安局通州分局交通支队，住所地北京市通州区新华西街58号。
申请人称，2026年9月3日其驾驶京N·8F2K3号小型汽车（新能源号牌京AF12345）在通州区运河东大街行驶时被拍照。证人王二小，男，住漷县镇军屯村123号，证明当日车辆未超速。`;
    const out = anonymise(text, { persons: ['李卫东', '孙丽'], addresses: [] });
    noLeak(out, ['李卫东', '卫东', '孙丽', '11010519750603241X', '186-1234-5678', '8456 7890', '望京西园', '312号楼', '京N·8F2K3', '京AF12345', '王二小', '军屯村123号']);
    expect(out).toContain('申请人：李某，男');
    expect(out).toContain('委托代理人：孙某');
    expect(out).toContain('证人王某，男');
    expect(out).toContain(REDACTED.plate);
    expect(out).toContain('北京市公安局通州分局交通支队'); // the respondent is named
    expect(out).toContain('申请人称，'); // ordinary words after a title are left alone
  });

  it('an expropriation decision: record addresses replaced wherever they appear, compound surnames, 15-digit IDs, +86 and full-width numbers', () => {
    const address = '北京市通州区宋庄镇小堡村北街2排6号';
    const text = `申请人司马光明、刘芳（身份证号110112800101123）共同申请。申请人司马光明的房屋位于${address}，被申请人北京市通州区宋庄镇人民政府于2026年5月将该房屋认定为违法建设。
刘芳称其手机号为+86 139-1000-2000，备用电话１３７１２３４５６７８。申请人家住杨庄街道杨庄北里小区7-3-201。`;
    const out = anonymise(text, { persons: ['司马光明', '刘芳'], addresses: [address] });
    noLeak(out, ['司马光明', '光明', '刘芳', '110112800101123', '139-1000-2000', '１３７１２３４５６７８', '北街2排6号', '7-3-201']);
    expect(out).toContain('司马某');
    expect(out).toContain('刘某');
    expect(out).toContain(REDACTED.address);
    expect(out).toContain('北京市通州区宋庄镇人民政府');
  });

  it('keeps case numbers, document numbers, dates and amounts', () => {
    const text = '通复〔2026〕第00012号 被申请人作出京通公（治）决字〔2026〕第101号行政处罚决定，罚款3000元，2026年10月1日送达。';
    expect(anonymise(text, { persons: [], addresses: [] })).toBe(text);
  });

  it('surnames', () => {
    expect(surnameOnly('王小明')).toBe('王某');
    expect(surnameOnly('欧阳娜娜')).toBe('欧阳某');
    expect(surnameOnly('欧阳')).toBe('欧某');
  });
});
