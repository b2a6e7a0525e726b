import { describe, expect, it } from 'vitest';
import type { Cluster, LiaisonView } from './api';
import { pendingOf } from './LiaisonHomePage';
import { draftFromCluster, noticeBody } from './notice-draft';

const cluster: Cluster = {
  id: 'g1', respondentDepartmentId: 5, respondent: '区住房和城乡建设委员会', keyKind: 'project', keyLabel: '宋庄镇小堡村棚户区改造项目', memberCount: 3,
  townships: ['宋庄镇', '张家湾镇'], firstOn: '2026-11-15', lastOn: '2026-12-03', state: 'open', stateLabel: '未处理', mergedInto: null, version: 2,
  suggestedNotice: { title: '关于宋庄镇小堡村棚户区改造项目可能引发群体性纠纷的风险提示', text: '2026-11-15至2026-12-03，本机关共收到……' },
  dismissedReason: null,
  allowedActions: [{ action: 'draft_notice', label: '按建议起草风险提示函' }, { action: 'dismiss', label: '排除线索' }],
  members: [
    { recordKind: 'case', recordId: 'c1', label: '通复〔2026〕第1号', recordOn: '2026-11-15', township: '宋庄镇', reason: '同一项目', joinedAt: '' },
    { recordKind: 'case', recordId: 'c2', label: '通复〔2026〕第2号', recordOn: '2026-11-20', township: '张家湾镇', reason: '同一项目', joinedAt: '' },
    { recordKind: 'consultation', recordId: 'k1', label: '咨询', recordOn: '2026-12-03', township: '宋庄镇', reason: '同一项目', joinedAt: '' },
  ],
};

describe("a cluster's suggested risk notice as a draft", () => {
  it('takes the API\'s title and text, the respondent as recipient, and links every member', () => {
    const d = draftFromCluster(cluster);
    expect(d.values.title).toBe(cluster.suggestedNotice.title);
    expect(d.values.summary).toBe(cluster.suggestedNotice.text);
    expect(d.values.departmentIds).toEqual([5]);
    expect(d.values.reasons).toContain('涉及宋庄镇、张家湾镇2个街乡镇');
    expect(d.caseIds).toEqual(['c1', 'c2']);
    expect(d.consultationIds).toEqual(['k1']);
    // The draft names its cluster: the API refuses it once the lead is dismissed or merged (CLUSTER_NOT_OPEN).
    expect(d.clusterId).toBe('g1');
  });

  it('becomes the API\'s body: one list item a line, blanks dropped, optional parts left out', () => {
    const d = draftFromCluster(cluster);
    const body = noticeBody({ ...d.values, suggestions: '排查\n\n  答复  ' }, { caseIds: d.caseIds, consultationIds: [] });
    expect(body.suggestions).toEqual(['排查', '答复']);
    expect(body.caseIds).toEqual(['c1', 'c2']);
    expect(body).not.toHaveProperty('consultationIds');
    expect(body).not.toHaveProperty('responseDays');
  });
});

describe('the liaison view\'s work list', () => {
  it('puts notices and letters together, the nearest due date first and the undated last', () => {
    const v = {
      notices: [
        { id: 'n1', title: '甲', state: 'sent', version: 1, sentOn: '2026-12-01', nextDue: '2026-12-20', dueProvisional: false, overdueDepartments: 0, awaitingDepartments: 1, stateLabel: '已送达部门', nextStep: '登记回复', waitingFor: '收函部门' },
        { id: 'n2', title: '乙', state: 'draft', version: 1, sentOn: null, nextDue: null, dueProvisional: false, overdueDepartments: 0, awaitingDepartments: 0, stateLabel: '草稿', nextStep: '提交审批', waitingFor: '府院联络员' },
      ],
      letters: [
        { id: 'l1', kind: 'opinion', state: 'received', version: 1, caseId: null, caseNumber: null, recipient: '区公安分局', receivedOn: '2026-10-01', feedbackDue: '2026-11-30', feedbackDueProvisional: false, overdue: true, escalatedAt: null, stateLabel: '对方已收到', nextStep: '登记反馈', waitingFor: '受文部门' },
      ],
    } as unknown as Pick<LiaisonView, 'notices' | 'letters'>;
    const rows = pendingOf(v);
    expect(rows.map((r) => r.key)).toEqual(['l-l1', 'n-n1', 'n-n2']);
    expect(rows[0]).toMatchObject({ kind: '意见书', overdue: true, to: '/liaison/letters/l1' });
  });
});
