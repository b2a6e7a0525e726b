import type { Rule } from 'antd/es/form';
import type { components } from '@generated/api-types';
import { isIsoDate, shanghaiDate, shanghaiDateTime } from '@fuyi/kernel';
import type { FieldPath } from '../../components/field-errors';

/** What the registration form holds (strings as typed; the body is built from them by `toRegisterBody`). */
export interface PartyValues {
  kind: 'person' | 'organisation';
  name?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  creditCode?: string;
  legalRepresentative?: string;
}

export interface MaterialValues {
  included: boolean;
  name?: string;
  copies?: number;
}

export interface RegistrationValues {
  channel: 'counter' | 'oral' | 'post' | 'online';
  /** Shanghai wall time as the counter's stamp reads it: `YYYY-MM-DD HH:mm`. */
  receivedAt: string;
  postmarkedOn?: string;
  category?: string;
  applicants: PartyValues[];
  hasAgent: boolean;
  agent?: PartyValues;
  respondentDepartmentId?: number;
  act: { type?: string; documentNumber?: string; date?: string; knownDate?: string; project?: string; place?: string };
  requests?: string;
  factsReasons?: string;
  materials: MaterialValues[];
}

export type RegisterBody = components['schemas']['RegisterApplicationDto'];
type PartyBody = components['schemas']['PartyDto'];

/** The checklist a counter goes through (申请材料清单); the clerk ticks what the applicant handed over and may add more. */
export const STANDARD_MATERIALS = [
  '行政复议申请书',
  '申请人身份证明',
  '被申请复议的行政行为文书',
  '证据材料',
  '授权委托书',
  '代理人身份证明',
];

export function blankRegistration(now: Date = new Date()): RegistrationValues {
  return {
    channel: 'counter',
    receivedAt: shanghaiDateTime(now),
    applicants: [{ kind: 'person' }],
    hasAgent: false,
    agent: { kind: 'person' },
    act: {},
    materials: STANDARD_MATERIALS.map((name, i) => ({ included: i === 0, name, copies: 1 })),
  };
}

const text = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

function partyBody(p: PartyValues): PartyBody {
  const common = { kind: p.kind, name: text(p.name) ?? '', phone: text(p.phone), address: text(p.address) };
  return p.kind === 'person'
    ? { ...common, idNumber: text(p.idNumber)?.toUpperCase() }
    : { ...common, creditCode: text(p.creditCode)?.toUpperCase(), legalRepresentative: text(p.legalRepresentative) };
}

/** `YYYY-MM-DD HH:mm` in Shanghai → ISO 8601 with the +08:00 offset the API asks for. */
export function shanghaiInstant(wall: string): string {
  return `${wall.trim().replace(' ', 'T')}:00+08:00`;
}

/** The form's values → the API's body: blank optional fields left out (the API checks the format of any field sent). */
export function toRegisterBody(v: RegistrationValues): RegisterBody {
  const included = v.materials.filter((m) => m.included && text(m.name));
  return {
    applicants: v.applicants.map(partyBody),
    ...(v.hasAgent && v.agent ? { agent: partyBody(v.agent) } : {}),
    respondentDepartmentId: v.respondentDepartmentId ?? 0,
    category: (v.category ?? '') as RegisterBody['category'],
    act: {
      type: text(v.act.type) ?? '',
      documentNumber: text(v.act.documentNumber),
      date: text(v.act.date),
      knownDate: text(v.act.knownDate) ?? '',
      project: text(v.act.project),
      place: text(v.act.place),
    },
    requests: text(v.requests) ?? '',
    factsReasons: text(v.factsReasons) ?? '',
    channel: v.channel,
    receivedAt: shanghaiInstant(v.receivedAt),
    ...(v.channel === 'post' && text(v.postmarkedOn) ? { postmarkedOn: text(v.postmarkedOn) } : {}),
    materials: included.map((m) => ({ name: text(m.name) ?? '', copies: m.copies ?? 1 })),
  };
}

/**
 * The API names fields by the body's paths; the form's differ only for materials (the body lists the ticked rows):
 * `materials.1.copies` → the form row of the second ticked material.
 */
export function formPathOf(v: RegistrationValues): (p: FieldPath) => FieldPath | null {
  const ticked = v.materials.map((m, i) => (m.included && text(m.name) ? i : -1)).filter((i) => i >= 0);
  return (p) => {
    if (p[0] === 'materials' && typeof p[1] === 'number')
      return ticked[p[1]] === undefined ? null : ['materials', ticked[p[1]], ...p.slice(2)];
    return p;
  };
}

// Inline checks with the API's own words: the ID number's check digit, the credit code and dates come from the kernel
// (components/form-rules.ts, the web console's shared rules); the rest mirror apps/api/src/dto/validators.ts.
export { creditCodeRule, idNumberRule, isoDateRule } from '../../components/form-rules';
export { newIdempotencyKey } from '../../api/form-errors';

const check = (test: (v: string) => string | null): Rule => ({
  validator: (_, value: string | undefined) => {
    const v = value?.trim();
    if (!v) return Promise.resolve();
    const problem = test(v);
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
});

export const required = (label: string): Rule => ({ required: true, whitespace: true, message: `请填写${label}` });
export const requiredChoice = (label: string): Rule => ({ required: true, message: `请选择${label}` });

export const phoneRule = check((v) =>
  /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(v) ? null : '电话号码格式不正确（手机号11位或带区号的固定电话）',
);
export const notAfterToday = check((v) => (isIsoDate(v) && v > shanghaiDate(new Date()) ? '日期不能晚于今天' : null));

const WALL_TIME = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d$/;
export const receivedAtRule = check((v) => {
  const m = WALL_TIME.exec(v);
  if (!m || !isIsoDate(m[1])) return '收件时间格式应为 YYYY-MM-DD HH:mm，如 2026-11-26 09:30';
  if (Date.parse(shanghaiInstant(v)) > Date.now() + 60_000) return '收件时间不能晚于当前时间';
  return null;
});
