import { Modal, Radio, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import type { WorkItem } from '../office/api';
import { useAssign, useProposal } from './api';

/** Choose the handler: the API's workload proposal, least loaded first (pre-selected); then confirm. */
export function AssignModal({ item, onClose, onDone }: { item: WorkItem | null; onClose: () => void; onDone: (text: string) => void }) {
  const proposal = useProposal(item?.caseId ?? null);
  const assign = useAssign();
  const [chosen, setChosen] = useState<string | null>(null);
  const handlerId = chosen ?? proposal.data?.[0]?.userId ?? null;
  const close = () => {
    setChosen(null);
    assign.reset();
    onClose();
  };
  const confirm = () => {
    if (!item || !handlerId) return;
    assign.mutate(
      { caseId: item.caseId, version: item.version, handlerId },
      {
        onSuccess: (r) => {
          const name = proposal.data?.find((p) => p.userId === handlerId)?.displayName ?? '';
          onDone(`${r.caseNumber} 已分配给 ${name}。`);
          close();
        },
      },
    );
  };
  return (
    <Modal
      open={item !== null}
      title={item ? `分配承办人：${item.caseNumber}` : ''}
      okText="确认分配"
      cancelText="取消"
      okButtonProps={{ disabled: !handlerId, loading: assign.isPending }}
      onOk={confirm}
      onCancel={close}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">按在办案件工作量排序，工作量最少者在前（已默认选中）。</Typography.Paragraph>
      <ApiErrorAlert error={proposal.error} />
      {proposal.isPending && item ? (
        <Spin />
      ) : (
        <Radio.Group value={handlerId} onChange={(e) => setChosen(e.target.value as string)} aria-label="承办人" data-testid="proposal">
          <Space direction="vertical">
            {(proposal.data ?? []).map((p) => (
              <Radio key={p.userId} value={p.userId}>
                {p.displayName}（{p.section}，在办 {p.openCases} 件，工作量 {p.load}）
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      )}
      <div style={{ marginTop: 16 }}>
        <ApiErrorAlert error={assign.error} onReload={close} />
      </div>
    </Modal>
  );
}
