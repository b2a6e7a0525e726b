import { Alert, Button, Typography } from 'antd';
import { ApiError, errorMessage } from '../api/errors';

/**
 * The case moved under the page: its version (optimistic concurrency) or its state (the page offered an action for the
 * state it loaded). Other 409s are rules (e.g. a correction asked for twice) and are shown as they are.
 */
const CHANGED_MEANWHILE = /_(VERSION_CONFLICT|ILLEGAL_TRANSITION)$/; // CASE_, MEDIATION_, LIAISON_…, CLUSTER_
export function isConflict(e: unknown): boolean {
  return e instanceof ApiError && e.status === 409 && CHANGED_MEANWHILE.test(e.code);
}

/**
 * An error answered by the API, shown inside the form it belongs to: the Chinese message and the stable code (which a
 * clerk can read out to support). A 409 on a case says that someone else changed it and offers to reload it.
 */
export function ApiErrorAlert({ error, onReload, title }: { error: unknown; onReload?: () => void; title?: string }) {
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : null;
  if (isConflict(error)) {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        data-testid="conflict-alert"
        title={code?.startsWith('CASE_') ? '该案件已被他人修改' : '该记录已被他人修改'}
        description={`${errorMessage(error)}。请重新加载后核对案件的最新状态，再决定是否继续操作。`}
        action={
          onReload && (
            <Button size="small" type="primary" onClick={onReload}>
              重新加载
            </Button>
          )
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="api-error"
      title={title ?? errorMessage(error)}
      description={
        code && !code.startsWith('HTTP_') && code !== 'NETWORK' ? (
          <Typography.Text type="secondary">错误代码：{code}</Typography.Text>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
