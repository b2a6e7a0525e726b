import { idNumberCheckChar } from '@fuyi/kernel';

/** Test data in one place. */
let serial = 0;

/** A valid resident ID number (GB 11643 check digit computed), distinct per call. */
export function validIdNumber(birth = '19850312'): string {
  serial = (serial + 1) % 1000;
  const first17 = `110112${birth}${String(serial).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

export function applicationBody(respondentDepartmentId: number, overrides: Record<string, unknown> = {}) {
  return {
    applicants: [{ kind: 'person', name: '王小明', idNumber: validIdNumber(), phone: '13812345678', address: '北京市通州区玉桥街道玉桥中路8号' }],
    respondentDepartmentId,
    category: 'penalty',
    act: { type: '行政处罚决定', documentNumber: '京通公（治）决字〔2026〕第101号', date: '2026-11-01', knownDate: '2026-11-03' },
    requests: '请求撤销被申请人作出的行政处罚决定',
    factsReasons: '被申请人认定事实不清，证据不足。',
    channel: 'counter',
    receivedAt: '2026-11-10T09:30:00+08:00',
    materials: [{ name: '行政复议申请书', copies: 1 }, { name: '身份证复印件', copies: 1 }],
    ...overrides,
  };
}
