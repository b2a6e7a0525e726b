import { useState } from 'react';
import { Alert, Button, Card, Typography } from 'antd';
import { canOpen } from '../../access';
import { useSession } from '../../api/use-session';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import { useMediationChanged, useReferrals, type FileSummary } from './api';
import { AssignMediatorDialog } from './AssignMediatorDialog';
import { FileTable, fileLabel } from './FileTable';

/**
 * 待分配: files referred and not yet assigned. The coordinator (and the office head) assign from here with the API's
 * proposal and the conflict check's result; the button appears only where the file's allowedActions list `assign`.
 */
/** The row's own allowedActions (computed by the server for the whole page) decide on 指派. */
function AssignButton({ f, onPick }: { f: FileSummary; onPick: (f: FileSummary) => void }) {
  const assign = f.allowedActions.find((a) => a.action === 'assign');
  if (!assign) return <Typography.Text type="secondary">由协调员指派</Typography.Text>;
  return (
    <Button size="small" aria-label={`${assign.label} ${fileLabel(f)}`} onClick={() => onPick(f)}>
      {assign.label}
    </Button>
  );
}

export default function ReferralsPage() {
  const role = useSession()?.user.role ?? '';
  const q = useReferrals();
  const changed = useMediationChanged();
  const [picked, setPicked] = useState<FileSummary | null>(null);
  const [result, setResult] = useState<string | null>(null);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>待分配的调解案件</Typography.Title>
      {canOpen(role, '/mediation') && <Link to="/mediation">← 返回调解工作台</Link>}
      {result && <Alert type="success" showIcon closable onClose={() => setResult(null)} data-testid="assign-result" style={{ marginTop: 12 }} title={result} />}
      <Card size="small" style={{ marginTop: 12 }}>
        {q.isError ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />
        ) : (
          <FileTable files={q.data?.items ?? []} loading={q.isPending} label="待分配的调解案件" action={(f) => <AssignButton f={f} onPick={setPicked} />} />
        )}
      </Card>
      {picked && (
        <AssignMediatorDialog
          file={{ id: picked.id, version: picked.version, label: fileLabel(picked) }}
          onClose={() => setPicked(null)}
          onDone={(text) => {
            setPicked(null);
            setResult(text);
            changed();
          }}
          onReload={() => {
            setPicked(null);
            void q.refetch();
          }}
        />
      )}
    </>
  );
}
