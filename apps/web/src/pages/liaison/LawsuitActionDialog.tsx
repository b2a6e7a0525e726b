import { Form, Input, Radio, Select } from 'antd';
import { api, unwrap } from '../../api/client';
import { isoDateRule } from '../../components/form-rules';
import { StepDialog } from '../../components/StepDialog';
import type { Lawsuit } from './api';

export type LawsuitAction = Lawsuit['allowedActions'][number];

const INTRO: Record<LawsuitAction['action'], string> = {
  record_hearing: '登记开庭、庭前调解或宣判的日期；已开庭的，一并登记行政机关负责人是否出庭应诉。',
  record_head_appearance: '登记行政机关负责人在已进行的开庭中出庭应诉。',
  complaint_received: '登记被告收到起诉状副本的日期：答辩期限15日自次日起算，届满日遇节假日顺延。',
  defence_submitted: '登记向法院提交答辩状和证据的日期；逾期提供证据视为没有相应证据。',
  record_judgment: '登记一审裁判结果。',
  correct_court: '更正登记有误的受理法院或法院案号（同一诉讼的更正，不影响已登记的期限和庭审）。',
};
export const HEARING_KINDS = [{ value: 'hearing', label: '开庭' }, { value: 'mediation', label: '庭前调解' }, { value: 'pronouncement', label: '宣判' }];
/** The judgment kinds of the API's enum (libs/liaison JUDGMENT_KINDS), in Chinese. */
const JUDGMENTS = [
  ['dismissed_claim', '判决驳回原告诉讼请求'], ['revoked', '判决撤销'], ['confirmed_illegal', '判决确认违法'], ['ordered_performance', '判决履行法定职责'],
  ['changed', '判决变更'], ['confirmed_void', '判决确认无效'], ['suit_dismissed', '裁定驳回起诉'], ['withdrawn', '原告撤诉'],
].map(([value, label]) => ({ value, label }));

const day = (name: string, label: string) => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }, isoDateRule]}>
    <Input placeholder="YYYY-MM-DD" aria-label={label} style={{ width: 160 }} />
  </Form.Item>
);

/** The confirmation of one of a lawsuit's allowedActions: asks what the route needs and sends it with the version read. */
export function LawsuitActionDialog({ s, action, onClose, onDone, onReload }: { s: Lawsuit; action: LawsuitAction; onClose: () => void; onDone: () => void; onReload: () => void }) {
  const path = { params: { path: { id: s.id } } };
  const awaiting = s.hearings.flatMap((h, i) => (h.kind === 'hearing' && !h.headAppeared ? [{ value: i, label: `${h.heldOn} 开庭` }] : []));
  const submit = (x: Record<string, unknown>): Promise<unknown> => {
    const v = { version: s.version };
    switch (action.action) {
      case 'record_hearing':
        return unwrap(api.POST('/api/liaison/lawsuits/{id}/hearings', { ...path, body: { ...v, heldOn: String(x.heldOn), kind: x.kind as 'hearing', headAppeared: x.headAppeared === true, ...(x.note ? { note: String(x.note) } : {}) } }));
      case 'record_head_appearance':
        return unwrap(api.PATCH('/api/liaison/lawsuits/{id}/hearings/{index}', { params: { path: { id: s.id, index: Number(x.index) } }, body: { ...v, headAppeared: true } }));
      case 'complaint_received':
        return unwrap(api.POST('/api/liaison/lawsuits/{id}/complaint-received', { ...path, body: { ...v, receivedOn: String(x.receivedOn) } }));
      case 'defence_submitted':
        return unwrap(api.POST('/api/liaison/lawsuits/{id}/defence', { ...path, body: { ...v, submittedOn: String(x.submittedOn) } }));
      case 'record_judgment':
        return unwrap(api.POST('/api/liaison/lawsuits/{id}/judgment', { ...path, body: { ...v, kind: x.kind as 'dismissed_claim', on: String(x.on), summary: String(x.summary).trim() } }));
      case 'correct_court':
        return unwrap(api.PATCH('/api/liaison/lawsuits/{id}', { ...path, body: { ...v, court: String(x.court).trim(), courtCaseNumber: String(x.courtCaseNumber).trim() } }));
    }
  };
  return (
    <StepDialog
      title={`${action.label}：${s.courtCaseNumber}`}
      okText={`确认${action.label}`}
      intro={<>{action.article && <>依据：{action.article}。</>}{INTRO[action.action]}</>}
      submit={submit}
      onDone={onDone}
      onClose={onClose}
      onReload={onReload}
    >
      {() => (
        <>
          {action.action === 'record_hearing' && (
            <>
              {day('heldOn', '开庭日期')}
              <Form.Item name="kind" label="类型" initialValue="hearing"><Radio.Group options={HEARING_KINDS} aria-label="类型" /></Form.Item>
              <Form.Item name="headAppeared" label="行政机关负责人出庭应诉" initialValue={false}>
                <Radio.Group options={[{ value: true, label: '出庭' }, { value: false, label: '未出庭' }]} aria-label="行政机关负责人出庭应诉" />
              </Form.Item>
              <Form.Item name="note" label="备注"><Input.TextArea autoSize={{ minRows: 2 }} aria-label="备注" /></Form.Item>
            </>
          )}
          {action.action === 'record_head_appearance' && (
            <Form.Item name="index" label="开庭" initialValue={awaiting.length === 1 ? awaiting[0].value : undefined} rules={[{ required: true, message: '请选择开庭' }]}>
              <Radio.Group options={awaiting} aria-label="开庭" />
            </Form.Item>
          )}
          {action.action === 'correct_court' && (
            <>
              <Form.Item name="court" label="受理法院" initialValue={s.court} rules={[{ required: true, whitespace: true, message: '请填写受理法院' }, { max: 100, message: '不超过100字' }]}>
                <Input aria-label="受理法院" />
              </Form.Item>
              <Form.Item name="courtCaseNumber" label="法院案号" initialValue={s.courtCaseNumber} rules={[{ required: true, whitespace: true, message: '请填写法院案号' }, { max: 64, message: '不超过64字' }]}>
                <Input aria-label="法院案号" />
              </Form.Item>
            </>
          )}
          {action.action === 'complaint_received' && day('receivedOn', '收到起诉状副本日期')}
          {action.action === 'defence_submitted' && day('submittedOn', '提交答辩状日期')}
          {action.action === 'record_judgment' && (
            <>
              <Form.Item name="kind" label="裁判结果" rules={[{ required: true, message: '请选择裁判结果' }]}><Select aria-label="裁判结果" options={JUDGMENTS} /></Form.Item>
              {day('on', '裁判日期')}
              <Form.Item name="summary" label="裁判要旨" rules={[{ required: true, whitespace: true, message: '请填写裁判要旨' }]}><Input.TextArea autoSize={{ minRows: 2 }} aria-label="裁判要旨" /></Form.Item>
            </>
          )}
        </>
      )}
    </StepDialog>
  );
}
