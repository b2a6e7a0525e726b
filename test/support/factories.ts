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

let bareSeq = 90_000;
/**
 * A bare case row for tests that exercise a lower layer (clocks, reminders, metrics) without registering through the
 * api: foreign keys (issue 14 item 11) need a real case, department and user behind every reference.
 */
export async function insertBareCase(ds: { query: (sql: string, params?: unknown[]) => Promise<any> }, id?: string): Promise<string> {
  await ds.query(`INSERT INTO departments (name, kind) VALUES ('测试用被申请人', 'department') ON CONFLICT (name) DO NOTHING`);
  await ds.query(`INSERT INTO users (username, display_name, role, password_hash) VALUES ('test.registrar', '测试登记人', 'reconsideration_clerk', 'x') ON CONFLICT (username) DO NOTHING`);
  const seq = ++bareSeq;
  const [{ id: caseId }] = await ds.query(
    `INSERT INTO cases (id, case_number, year, seq, state, registered_by, channel, receipt_at, respondent_department_id, category, act_type,
                        act_known_date, requests, facts_reasons, query_code_hash)
     VALUES (coalesce($1::uuid, gen_random_uuid()), $2, 2026, $3, 'accepted', (SELECT id FROM users WHERE username = 'test.registrar'), 'counter', now(),
             (SELECT id FROM departments WHERE name = '测试用被申请人'), 'penalty', '行政处罚决定', '2026-11-01', '请求', '理由', repeat('0', 64))
     RETURNING id`,
    [id ?? null, `测复〔2026〕第${seq}号`, seq],
  );
  return caseId;
}
