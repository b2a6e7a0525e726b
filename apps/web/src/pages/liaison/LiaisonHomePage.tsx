import { Alert, Card, Table, Tag } from 'antd';
import { Mark, empty } from '../../components/Mark';
import { Link, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../api/errors';
import { RoleHome } from '../../components/RoleHome';
import { useLiaisonView, type LiaisonView, type LiaisonViewFilter } from './api';

const LETTER_KINDS: Record<string, string> = { opinion: '意见书', suggestion: '建议书' };

interface Pending {
  key: string;
  kind: string;
  title: string;
  to: string;
  stateLabel: string;
  nextStep: string;
  waitingFor: string;
  due: string | null;
  provisional: boolean;
  overdue: boolean;
}

/** Risk notices and letters in one list, the nearest due date first (undated last). */
export function pendingOf(v: Pick<LiaisonView, 'notices' | 'letters'>): Pending[] {
  const rows: Pending[] = [
    ...v.notices.map((n) => ({
      key: `n-${n.id}`, kind: '风险提示函', title: n.title, to: `/liaison/risk-notices/${n.id}`, stateLabel: n.stateLabel, nextStep: n.nextStep,
      waitingFor: n.waitingFor, due: n.nextDue, provisional: n.dueProvisional, overdue: n.overdueDepartments > 0,
    })),
    ...v.letters.map((l) => ({
      key: `l-${l.id}`, kind: LETTER_KINDS[l.kind] ?? l.kind, title: `${l.recipient}${l.caseNumber ? `（${l.caseNumber}）` : ''}`, to: `/liaison/letters/${l.id}`,
      stateLabel: l.stateLabel, nextStep: l.nextStep, waitingFor: l.waitingFor, due: l.feedbackDue, provisional: l.feedbackDueProvisional, overdue: l.overdue === true,
    })),
  ];
  return rows.sort((a, b) => (a.due ?? '9999') .localeCompare(b.due ?? '9999'));
}

function Due({ due, provisional, overdue }: { due: string | null; provisional: boolean; overdue: boolean }) {
  if (!due) return <>—</>;
  return (
    <>
      {due}
      {overdue && <Mark kind="red">已逾期</Mark>}
      {provisional && <Mark kind="warn">暂定</Mark>}
    </>
  );
}

const FILTER_LABELS = { overdue: '已逾期', thisWeek: '本周到期', officer: '待我处理' } as const;

/** The filter a home figure opened the desk with (?due= / ?waiting=), if any; an unknown value is ignored. */
export function filterOf(search: string): LiaisonViewFilter {
  const p = new URLSearchParams(search);
  const due = p.get('due');
  return {
    ...(due === 'overdue' || due === 'thisWeek' ? { due } : {}),
    ...(p.get('waiting') === 'officer' ? { waiting: 'officer' as const } : {}),
  };
}

/**
 * 府院联动: everything awaiting action with its next step and due date, group-dispute alerts, lawsuits, the lawsuit
 * window; opened from a home figure, only the rows that figure counts (the API filters, the tag names the filter).
 */
export default function LiaisonHomePage() {
  const location = useLocation();
  const navigate = useNavigate();
  const filter = filterOf(location.search);
  const q = useLiaisonView(filter);
  const v = q.data;
  const named = filter.due ? FILTER_LABELS[filter.due] : filter.waiting ? FILTER_LABELS[filter.waiting] : null;
  const hide = (what: 'clusters' | 'window') => !!filter.due || (what === 'window' && !!filter.waiting);
  return (
    <RoleHome title="府院联动">
      {q.isError && <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} style={{ marginTop: 16 }} />}
      {/* Named once the filtered rows are in, so the tag never stands above the unfiltered ones. */}
      {named && v?.filter && (
        <Tag closable color="blue" onClose={() => void navigate(location.pathname)} data-testid="liaison-filter" style={{ marginTop: 16 }}>
          筛选：{named}（截至 {v.today}{filter.due === 'thisWeek' ? `，本周指今天至 ${v.weekEnd}` : ''}）
        </Tag>
      )}
      {!hide('clusters') && <Card size="small" title="群体性纠纷预警" style={{ marginTop: 16 }}>
        <Table size="small" rowKey="id" loading={q.isPending} pagination={false} aria-label="群体性纠纷预警" data-testid="cluster-table" dataSource={v?.openClusters ?? []} locale={empty('没有未处理的线索')}
          columns={[
            { title: '线索', key: 't', render: (_: unknown, c) => <Link to={`/liaison/clusters/${c.id}`}>{c.respondent}：{c.keyLabel}</Link> },
            { title: '记录数', dataIndex: 'memberCount', width: 80 },
            { title: '涉及街乡镇', dataIndex: 'townships', render: (t: string[]) => t.join('、') },
            { title: '时间范围', key: 'r', width: 200, render: (_: unknown, c) => `${c.firstOn} 至 ${c.lastOn}` },
          ]} />
      </Card>}
      <Card size="small" title="待办事项（风险提示函、意见书、建议书）" style={{ marginTop: 16 }}>
        <Table size="small" rowKey="key" loading={q.isPending} pagination={false} aria-label="待办事项" data-testid="pending-table" dataSource={v ? pendingOf(v) : []} locale={empty('没有待办事项')}
          columns={[
            { title: '类型', dataIndex: 'kind', width: 100 },
            { title: '事项', key: 't', render: (_: unknown, r: Pending) => <Link to={r.to}>{r.title}</Link> },
            { title: '状态', dataIndex: 'stateLabel', width: 110 },
            { title: '下一步', dataIndex: 'nextStep' },
            { title: '等待', dataIndex: 'waitingFor', width: 140 },
            { title: '期限', key: 'd', width: 170, render: (_: unknown, r: Pending) => <Due {...r} /> },
          ]} />
      </Card>
      {!filter.waiting && <Card size="small" title="在诉案件（行政应诉）" style={{ marginTop: 16 }}>
        <Table size="small" rowKey="id" loading={q.isPending} pagination={false} aria-label="在诉案件" dataSource={v?.casesInCourt ?? []} locale={empty('没有在诉案件')}
          columns={[
            { title: '法院案号', key: 'n', render: (_: unknown, s) => <Link to={`/liaison/lawsuits/${s.id}`}>{s.courtCaseNumber}</Link> },
            { title: '法院', dataIndex: 'court' },
            { title: '复议案件', dataIndex: 'caseNumber', render: (v: string | null) => v ?? '未经复议' },
            { title: '共同被告', dataIndex: 'coDefendant', width: 90, render: (b: boolean) => (b ? '是' : '否') },
            { title: '下次开庭', dataIndex: 'nextHearing', width: 110, render: (v: string | null) => v ?? '—' },
            { title: '负责人出庭', dataIndex: 'headAppeared', width: 100, render: (b: boolean) => (b ? '已出庭' : '未出庭') },
            { title: '答辩期限', key: 'd', width: 150, render: (_: unknown, s) => <Due due={s.defenceDue} provisional={s.defenceDueProvisional} overdue={s.defenceOverdue === true} /> },
          ]} />
      </Card>}
      {!hide('window') && <Card size="small" title="起诉期内的案件" style={{ marginTop: 16 }}>
        <Table size="small" rowKey="caseId" loading={q.isPending} pagination={false} aria-label="起诉期内的案件" dataSource={v?.casesInLawsuitWindow ?? []} locale={empty('没有起诉期内的案件')}
          columns={[
            { title: '案件', key: 'n', render: (_: unknown, c) => <Link to={`/cases/${c.caseId}`}>{c.caseNumber}</Link> },
            { title: '送达日期', dataIndex: 'servedOn' },
            { title: '起诉期限届满', dataIndex: 'lawsuitDue' },
            { title: '被诉时复议机关为共同被告', dataIndex: 'coDefendantIfSued', render: (b: boolean) => (b ? '是（维持决定）' : '否') },
          ]} />
      </Card>}
    </RoleHome>
  );
}
