import { useState } from 'react';
import { Checkbox, Space, Spin, Typography } from 'antd';
import { Mark } from '../../components/Mark';
import { api, unwrap } from '../../api/client';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { StepDialog } from '../../components/StepDialog';
import { useProposal, type ProposedMediator } from './api';

const CONFLICTS: Record<string, string> = { respondent_department: '与被申请人存在关联', party: '与本案当事人存在关联' };

/** One proposed mediator as the coordinator reads them: skill, load and the conflict check's result. */
export function ProposalLine({ p }: { p: ProposedMediator }) {
  return (
    <Space size={4} wrap>
      <span>{p.displayName}</span>
      <Typography.Text type="secondary">（在办 {p.openFiles} 件{p.skilled ? '，擅长该类别' : ''}）</Typography.Text>
      {p.conflict ? (
        <Mark kind="red">回避审查：{CONFLICTS[p.conflict] ?? p.conflict}</Mark>
      ) : p.objected ? (
        <Mark kind="warn">当事人已申请其回避</Mark>
      ) : (
        <Mark kind="ok">回避审查：无回避事由</Mark>
      )}
    </Space>
  );
}

/**
 * 指派调解员: the API's proposal (no conflict first, then skill, then fewest open files; the first pre-selected), one or
 * two mediators. The API runs the conflict check again and refuses a conflicted mediator with the reason, shown here.
 */
export function AssignMediatorDialog({
  file,
  add,
  onClose,
  onDone,
  onReload,
}: {
  file: { id: string; version: number; label: string };
  add?: boolean;
  onClose: () => void;
  onDone: (text: string) => void;
  onReload: () => void;
}) {
  const proposal = useProposal(file.id);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const list = proposal.data ?? [];
  const picked = chosen ?? (list[0] && !list[0].conflict && !list[0].objected && !add ? [list[0].userId] : []);
  const names = (ids: string[]) => ids.map((id) => list.find((p) => p.userId === id)?.displayName ?? '').join('、');
  return (
    <StepDialog
      title={`${add ? '增加调解员' : '指派调解员'}：${file.label}`}
      okText={add ? '确认增加' : '确认指派'}
      intro="按回避审查、擅长类别和在办数量推荐（无回避事由者在前）。每件调解案件由一名或两名调解员调解；确认时系统再次进行回避审查。"
      okDisabled={!picked.length}
      submit={() => unwrap(api.POST('/api/mediation/files/{id}/assign', { params: { path: { id: file.id } }, body: { version: file.version, mediatorIds: picked } }))}
      onDone={() => onDone(`${file.label} 已指派调解员：${names(picked)}`)}
      onClose={onClose}
      onReload={onReload}
    >
      {() => (
        <>
          <ApiErrorAlert error={proposal.error} />
          {proposal.isPending ? (
            <Spin />
          ) : (
            <Checkbox.Group value={picked} onChange={(v) => setChosen(v as string[])} aria-label="调解员" data-testid="proposal" style={{ display: 'block' }}>
              <Space direction="vertical">
                {list.map((p) => (
                  <Checkbox key={p.userId} value={p.userId} aria-label={p.displayName}>
                    <ProposalLine p={p} />
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          )}
        </>
      )}
    </StepDialog>
  );
}
