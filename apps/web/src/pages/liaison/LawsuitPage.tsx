import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Table, Typography } from 'antd';
import { Mark, empty } from '../../components/Mark';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useLawsuit, useLiaisonChanged } from './api';
import { HEARING_KINDS, LawsuitActionDialog, type LawsuitAction } from './LawsuitActionDialog';

const HEARINGS: Record<string, string> = Object.fromEntries(HEARING_KINDS.map((k) => [k.value, k.label]));

/**
 * 应诉案件: the court, the parties' positions, the defence clock (ALL 67, 15 days), hearings with the head's appearance
 * and the judgment; a button for each of the lawsuit's allowedActions (the server's), through LawsuitActionDialog.
 */
export default function LawsuitPage() {
  const { id = '' } = useParams();
  const q = useLawsuit(id);
  const changed = useLiaisonChanged();
  const [acting, setActing] = useState<LawsuitAction | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const s = q.data;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>应诉案件{s ? `：${s.courtCaseNumber}` : ''}</Typography.Title>
      <Link to="/liaison">← 返回府院联动</Link>
      <div style={{ marginTop: 12 }}>
        {q.isError ? <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} /> : !s ? <Skeleton active /> : (
          <>
            <Card size="small" style={{ marginBottom: 16 }}
              extra={s.allowedActions.length > 0 && (
                <Space wrap>
                  {s.allowedActions.map((a) => <Button key={a.action} onClick={() => { setResult(null); setActing(a); }}>{a.label}</Button>)}
                </Space>
              )}>
              {result && <Alert type="success" showIcon data-testid="lawsuit-result" title={result} style={{ marginBottom: 8 }} />}
              <Descriptions size="small" column={2} items={[
                { key: 'c', label: '法院', children: s.court },
                { key: 'n', label: '法院案号', children: s.courtCaseNumber },
                { key: 'f', label: '立案日期', children: s.filedOn },
                { key: 'k', label: '复议案件', children: s.caseId ? <Link to={`/cases/${s.caseId}`}>{s.caseNumber}</Link> : '未经行政复议' },
                { key: 'd', label: '被告', children: s.defendant ?? '区人民政府' },
                { key: 'co', label: '复议机关为共同被告', children: s.coDefendant ? '是' : '否' },
                { key: 'p', label: '原告', children: s.plaintiffs.join('、') || '—' },
                { key: 'a', label: '被诉行政行为', children: s.act ?? '—' },
                {
                  key: 'dd', label: '答辩期限', span: 2,
                  children: s.defenceDue ? (
                    <>
                      {s.defenceDue}（收到起诉状副本之日起15日，《行政诉讼法》第六十七条）
                      {s.defenceOverdue && <Mark kind="red">已逾期</Mark>}
                      {s.defenceSubmittedOn && <Mark kind="ok">{s.defenceSubmittedOn} 已提交答辩状</Mark>}
                    </>
                  ) : '收到起诉状副本后起算',
                },
                { key: 'h', label: '负责人出庭应诉', children: s.headAppeared ? <Mark kind="ok">已出庭</Mark> : <Mark kind="neutral">尚未出庭</Mark> },
                { key: 'j', label: '裁判结果', children: s.judgmentLabel ? `${s.judgmentOn ?? ''} ${s.judgmentLabel}${s.judgmentSummary ? `：${s.judgmentSummary}` : ''}` : '尚未裁判' },
              ]} />
            </Card>
            <Card size="small" title="开庭">
              <Table size="small" rowKey={(h) => `${h.heldOn}-${h.kind}`} pagination={false} aria-label="开庭" dataSource={s.hearings} locale={empty('尚未开庭')}
                columns={[
                  { title: '日期', dataIndex: 'heldOn', width: 120 },
                  { title: '类型', dataIndex: 'kind', width: 100, render: (k: string) => HEARINGS[k] ?? k },
                  { title: '行政机关负责人出庭', dataIndex: 'headAppeared', width: 160, render: (b: boolean) => (b ? '出庭' : '未出庭') },
                  { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '' },
                ]} />
            </Card>
            {acting && (
              <LawsuitActionDialog s={s} action={acting} onClose={() => setActing(null)}
                onDone={() => { setResult(`${acting.label}：已登记`); setActing(null); changed(); }}
                onReload={() => { setActing(null); void q.refetch(); }} />
            )}
          </>
        )}
      </div>
    </>
  );
}
