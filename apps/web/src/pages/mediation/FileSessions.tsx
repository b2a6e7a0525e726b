import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Empty, Form, Input, List, Radio, Space, Typography } from 'antd';
import { Mark } from '../../components/Mark';
import dayjs from 'dayjs';
import { api, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { StepDialog } from '../../components/StepDialog';
import { useSessions, type MediationFile, type Session } from './api';

const KIND: Record<string, string> = { joint: '联合调解', private: '背对背' };
const MODE: Record<string, string> = { in_person: '现场', video: '视频' };
const beijing = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    .format(new Date(iso))
    .replace(/\//g, '-');

/** The mark every private note carries: only the mediators currently on the file read it. */
export const PRIVATE_MARK = '仅本案调解员可见';

function SessionItem({ s, canWork, onRecord }: { s: Session; canWork: boolean; onRecord: (s: Session) => void }) {
  const isPrivate = s.kind === 'private';
  return (
    <List.Item
      data-testid={isPrivate ? 'private-note' : 'joint-session'}
      actions={canWork && !isPrivate ? [<Button key="r" size="small" onClick={() => onRecord(s)}>{s.minutes ? '更正笔录' : '记录笔录'}</Button>] : []}
      style={isPrivate ? { background: '#fff7e6', paddingInline: 8 } : undefined}
    >
      <List.Item.Meta
        title={
          <Space wrap>
            <span>{beijing(s.scheduledAt)}</span>
            <Mark kind={isPrivate ? "warn" : "info"}>{KIND[s.kind] ?? s.kind}</Mark>
            {isPrivate ? <Mark kind="red">{PRIVATE_MARK}</Mark> : <span>{MODE[s.mode] ?? s.mode}　{s.place}</span>}
          </Space>
        }
        description={
          <>
            {s.participants.length > 0 && <div>参加人员：{s.participants.map((p) => `${p.name}（${p.role}）`).join('、')}</div>}
            {s.attendance && s.attendance.length > 0 && <div>到场：{s.attendance.map((p) => `${p.name}${p.present ? '' : '（未到）'}`).join('、')}</div>}
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0, color: 'rgba(0,0,0,0.88)' }}>
              {s.minutes ?? '尚未记录笔录'}
            </Typography.Paragraph>
          </>
        }
      />
    </List.Item>
  );
}

type Dialog = { kind: 'schedule' } | { kind: 'private' } | { kind: 'record'; session: Session } | null;

/**
 * 调解会议: joint sessions with their minutes, and private 背对背 notes (the API returns them only to the mediators now on
 * the file; the page marks them so). Scheduling and recording are offered with `schedule_session` in allowedActions.
 */
export function FileSessions({ file, meOnFile }: { file: MediationFile; meOnFile: boolean }) {
  const q = useSessions(file.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const canWork = file.allowedActions.some((a) => a.action === 'schedule_session');
  const done = () => {
    setDialog(null);
    void q.refetch();
  };
  const path = { params: { path: { id: file.id } } };
  return (
    <Card
      size="small"
      title="调解会议与笔录"
      style={{ marginBottom: 16 }}
      extra={
        canWork && (
          <Space>
            <Button size="small" onClick={() => setDialog({ kind: 'schedule' })}>安排调解</Button>
            <Button size="small" onClick={() => setDialog({ kind: 'private' })}>背对背记录</Button>
          </Space>
        )
      }
    >
      {!meOnFile && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} data-testid="private-hidden" title={`背对背谈话记录${PRIVATE_MARK}；您不是本案调解员，以下仅显示联合调解的记录。`} />
      )}
      <ApiErrorAlert error={q.error} />
      {q.data && q.data.length === 0 ? (
        <Empty description="尚未安排调解" />
      ) : (
        <List size="small" loading={q.isPending} dataSource={q.data ?? []} rowKey="id" renderItem={(s) => <SessionItem s={s} canWork={canWork} onRecord={(x) => setDialog({ kind: 'record', session: x })} />} />
      )}
      {dialog?.kind === 'schedule' && (
        <StepDialog
          title="安排调解"
          okText="确认安排"
          intro="联合调解的笔录对能查看本案的人员可见；背对背谈话仅本案调解员可见。"
          submit={(x) =>
            unwrap(api.POST('/api/mediation/files/{id}/sessions', {
              ...path,
              body: {
                kind: x.kind as 'joint' | 'private', mode: x.mode as 'in_person' | 'video', place: String(x.place),
                scheduledAt: (x.at as dayjs.Dayjs).toISOString(),
                participants: String(x.participants ?? '').split('\n').map((l) => l.trim()).filter(Boolean).map((l) => { const [name, role = '参加人'] = l.split(/[，,]/); return { name: name.trim(), role: role.trim() }; }),
              },
            }))
          }
          onDone={done}
          onClose={() => setDialog(null)}
          onReload={done}
        >
          {() => (
            <>
              <Form.Item name="kind" label="类型" initialValue="joint"><Radio.Group aria-label="类型" options={[{ value: 'joint', label: '联合调解' }, { value: 'private', label: '背对背' }]} /></Form.Item>
              <Form.Item name="mode" label="方式" initialValue="in_person"><Radio.Group aria-label="方式" options={[{ value: 'in_person', label: '现场' }, { value: 'video', label: '视频' }]} /></Form.Item>
              <Form.Item name="at" label="时间" rules={[{ required: true, message: '请选择时间' }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label="时间" /></Form.Item>
              <Form.Item name="place" label="地点或视频会议室" rules={[{ required: true, message: '请填写地点' }]}><Input aria-label="地点或视频会议室" /></Form.Item>
              <Form.Item name="participants" label="参加人员" extra="每行一人：姓名，身份（如：王某，申请人）"><Input.TextArea autoSize={{ minRows: 2 }} aria-label="参加人员" /></Form.Item>
            </>
          )}
        </StepDialog>
      )}
      {dialog?.kind === 'private' && (
        <StepDialog
          title="背对背谈话记录"
          okText="确认保存"
          intro={`背对背谈话记录${PRIVATE_MARK}，不印入调解笔录，案件承办人和其他调解员均看不到。`}
          submit={(x) => unwrap(api.POST('/api/mediation/files/{id}/private-notes', { ...path, body: { text: String(x.text) } }))}
          onDone={done}
          onClose={() => setDialog(null)}
          onReload={done}
        >
          {() => <Form.Item name="text" label="谈话记录" rules={[{ required: true, message: '请填写谈话记录' }]}><Input.TextArea autoSize={{ minRows: 4 }} aria-label="谈话记录" /></Form.Item>}
        </StepDialog>
      )}
      {dialog?.kind === 'record' && (
        <StepDialog
          title={`记录笔录：${beijing(dialog.session.scheduledAt)}`}
          okText="确认记录"
          intro="联合调解笔录将印入调解笔录，请勿写入身份证号码、电话等个人信息。"
          submit={(x) =>
            unwrap(api.POST('/api/mediation/files/{id}/sessions/{sessionId}/record', {
              params: { path: { id: file.id, sessionId: dialog.session.id } },
              body: { version: dialog.session.version, attendance: dialog.session.participants.map((p) => ({ name: p.name, present: ((x.absent as string[] | undefined) ?? []).indexOf(p.name) < 0 })), minutes: String(x.minutes) },
            }))
          }
          onDone={done}
          onClose={() => setDialog(null)}
          onReload={done}
        >
          {() => (
            <>
              {dialog.session.participants.length > 0 && (
                <Form.Item name="absent" label="未到场人员"><Checkbox.Group options={dialog.session.participants.map((p) => ({ value: p.name, label: p.name }))} /></Form.Item>
              )}
              <Form.Item name="minutes" label="调解笔录" initialValue={dialog.session.minutes ?? ''} rules={[{ required: true, message: '请填写调解记录' }]}><Input.TextArea autoSize={{ minRows: 4 }} aria-label="调解笔录" /></Form.Item>
            </>
          )}
        </StepDialog>
      )}
    </Card>
  );
}

