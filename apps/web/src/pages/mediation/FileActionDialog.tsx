import { Alert, Checkbox, Form, Input, InputNumber, Radio, Select, type FormInstance } from 'antd';
import { api, unwrap } from '../../api/client';
import { isoDateRule } from '../../components/form-rules';
import { StepDialog } from '../../components/StepDialog';
import type { FileAction, MediationFile, OutcomeResult } from './api';
import { OUTCOME_KINDS, outcomeEffect, type OutcomeAction } from './outcome-effect';

export type StepResult = MediationFile & Partial<Pick<OutcomeResult, 'caseResumed' | 'decisionDue' | 'caseState'>>;

const PARTY_ROLES = [
  { value: 'applicant', label: '申请人' },
  { value: 'respondent', label: '被申请人' },
  { value: 'third_party', label: '第三人' },
];
const required = (what: string) => [{ required: true, message: `请填写${what}` }];
const mustTick = (what: string) => [{ validator: (_: unknown, v: unknown) => (v === true ? Promise.resolve() : Promise.reject(new Error(`须经${what}同意`))) }];
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

function Consent() {
  return (
    <>
      <Form.Item name={['consent', 'applicant']} valuePropName="checked" rules={mustTick('申请人')}>
        <Checkbox>申请人同意</Checkbox>
      </Form.Item>
      <Form.Item name={['consent', 'respondent']} valuePropName="checked" rules={mustTick('被申请人')}>
        <Checkbox>被申请人同意</Checkbox>
      </Form.Item>
    </>
  );
}

type FileStepPath = `/api/mediation/files/{id}/${'take' | 'extension' | 'suspend-case' | 'outcome' | 'seal' | 'follow-up' | 'objection'}`;

/** What each action asks for: the fields, the sentence before confirming, and the request. */
function stepOf(f: MediationFile, a: FileAction) {
  const path = { params: { path: { id: f.id } } };
  const v = f.version;
  // One typed path stands for all: each body below is written from the route's DTO (generated/openapi.json).
  const post = (p: FileStepPath, body: unknown) => unwrap(api.POST(p as '/api/mediation/files/{id}/take', { ...path, body: body as never })) as Promise<StepResult>;
  switch (a.action) {
    case 'take':
      return { intro: '接收后，调解期限自今日起算。', fields: null, send: () => post('/api/mediation/files/{id}/take', { version: v }) };
    case 'extend':
      return {
        intro: `经双方同意可延长调解期限（已延长 ${f.extensionDays} 天）。`,
        fields: (
          <>
            <Form.Item name="days" label="延长天数" rules={required('延长天数')}>
              <InputNumber min={1} max={30} aria-label="延长天数" />
            </Form.Item>
            <Consent />
          </>
        ),
        send: (x: Record<string, unknown>) => post('/api/mediation/files/{id}/extension', { version: v, days: x.days, consent: x.consent }),
      };
    case 'suspend_case':
      return {
        intro: `经双方同意，关联的复议案件 ${f.linkedCase?.caseNumber ?? ''} 自今日中止审理，调解期间不计入行政复议期限。`,
        fields: <Consent />,
        send: (x: Record<string, unknown>) => post('/api/mediation/files/{id}/suspend-case', { version: v, caseVersion: f.linkedCase?.version, consent: x.consent }),
      };
    case 'record_agreement':
    case 'record_withdrawal':
    case 'record_failure': {
      const kinds = OUTCOME_KINDS[a.action as OutcomeAction];
      return {
        intro: '记录调解结果；确认前请核对下方对关联案件的影响。',
        fields: (
          <>
            {kinds.length > 1 && (
              <Form.Item name="kind" label="调解结果" rules={required('调解结果')}>
                <Radio.Group options={[...kinds]} aria-label="调解结果" style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
              </Form.Item>
            )}
            <Form.Item name="summary" label="结果摘要" rules={required('结果摘要')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} aria-label="结果摘要" />
            </Form.Item>
            {a.action === 'record_agreement' && (
              <Form.Item name="signedByAll" valuePropName="checked" rules={[{ validator: (_: unknown, x: unknown) => (x === true ? Promise.resolve() : Promise.reject(new Error('调解协议须经各方当事人签字'))) }]}>
                <Checkbox>各方当事人已签字</Checkbox>
              </Form.Item>
            )}
          </>
        ),
        send: (x: Record<string, unknown>) =>
          post('/api/mediation/files/{id}/outcome', { version: v, kind: x.kind ?? kinds[0].value, summary: x.summary, ...(a.action === 'record_agreement' ? { signedByAll: x.signedByAll === true } : {}) }),
      };
    }
    case 'seal':
      return {
        intro: f.state === 'agreed' ? '盖章后调解书生效，关联的复议案件以调解结案（《行政复议法》第七十三条）。' : '准予撤回后，关联的复议案件终止（《行政复议法》第四十一条第一项）。',
        fields: null,
        send: () => post('/api/mediation/files/{id}/seal', { version: v }),
      };
    case 'follow_up':
      return {
        intro: '回访调解协议的履行情况。',
        fields: (
          <>
            <Form.Item name="checkOn" label="回访日期" initialValue={today()} rules={[...required('回访日期'), isoDateRule]}>
              <Input placeholder="YYYY-MM-DD" aria-label="回访日期" style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="performed" valuePropName="checked" initialValue={false}>
              <Checkbox>协议已履行</Checkbox>
            </Form.Item>
            <Form.Item name="result" label="回访情况" rules={required('回访情况')}>
              <Input.TextArea autoSize={{ minRows: 2 }} aria-label="回访情况" />
            </Form.Item>
          </>
        ),
        send: (x: Record<string, unknown>) => post('/api/mediation/files/{id}/follow-up', { version: v, checkOn: x.checkOn, performed: x.performed === true, result: x.result }),
      };
    case 'object':
      return {
        intro: '当事人申请调解员回避：记录理由；该调解员不再调解本案，只有一名调解员时案件退回待分配。',
        fields: (
          <>
            <Form.Item name="mediatorId" label="申请回避的调解员" rules={required('调解员')}>
              <Select aria-label="申请回避的调解员" options={f.mediators.filter((m) => m.current).map((m) => ({ value: m.userId, label: m.displayName }))} />
            </Form.Item>
            <Form.Item name="partyRole" label="提出申请的当事人" rules={required('当事人')}>
              <Select aria-label="提出申请的当事人" options={PARTY_ROLES} />
            </Form.Item>
            <Form.Item name="reason" label="回避理由" rules={required('回避理由')}>
              <Input.TextArea autoSize={{ minRows: 2 }} aria-label="回避理由" />
            </Form.Item>
          </>
        ),
        send: (x: Record<string, unknown>) => post('/api/mediation/files/{id}/objection', { version: v, ...x }),
      };
    default:
      return null;
  }
}

/** The confirmation of one of the file's allowedActions (assignment has its own dialog). */
export function FileActionDialog({ file, action, onClose, onDone, onReload }: { file: MediationFile; action: FileAction; onClose: () => void; onDone: (r: StepResult) => void; onReload: () => void }) {
  const step = stepOf(file, action);
  if (!step) return null;
  return (
    <StepDialog<StepResult>
      title={`${action.label}：${file.caseNumber ?? file.courtReference ?? '调解案件'}`}
      okText={`确认${action.label}`}
      intro={
        <>
          {action.article && <>依据：{action.article}。</>}
          {step.intro}
        </>
      }
      submit={(x) => step.send(x)}
      onDone={onDone}
      onClose={onClose}
      onReload={onReload}
    >
      {(form) => (
        <>
          {step.fields}
          {action.action in OUTCOME_KINDS && <OutcomeEffect form={form} file={file} action={action.action as OutcomeAction} />}
        </>
      )}
    </StepDialog>
  );
}

/** The outcome's effect on the linked case, shown before confirming (and again when the kind changes). */
function OutcomeEffect({ form, file, action }: { form: FormInstance<Record<string, unknown>>; file: MediationFile; action: OutcomeAction }) {
  const picked = Form.useWatch('kind', form) as string | undefined;
  const kinds = OUTCOME_KINDS[action];
  const kind = picked ?? (kinds.length === 1 ? kinds[0].value : undefined);
  if (!kind) return null;
  return <Alert type="info" showIcon data-testid="outcome-effect" title="对关联案件的影响" description={outcomeEffect(file, kind)} />;
}
