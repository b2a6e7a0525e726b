import { Alert, Button, Card, Table, Typography } from 'antd';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { useVerify, type AuditVerification as Result } from './api';

type Break = Result['breaks'][number];

/** What each break means, in the auditor's words (libs/platform audit-verifier.ts). */
export const BREAKS: Record<Break['reason'], string> = {
  hash_mismatch: '记录内容被篡改（哈希值不符）',
  broken_link: '链接断开（前一条记录被改动或替换）',
  gap: '记录缺失（序号不连续）',
  truncated: '末尾记录被删除（链被截断）',
  head_mismatch: '链头与最后一条记录不符',
  head_forged: '链头封印被伪造',
  unanchored: '缺少链头封印',
};

/** The verdict in one sentence: intact, truncated or forged, and where. */
export function verdict(r: Result): { type: 'success' | 'error'; text: string } {
  if (!r.breaks.length) return { type: 'success', text: `审计链完整：共 ${r.chains} 条链、${r.rows} 条记录，未发现篡改、删除或截断。` };
  const truncated = r.breaks.some((b) => b.reason === 'truncated');
  const forged = r.breaks.some((b) => b.reason !== 'truncated');
  const what = truncated && forged ? '被截断并被篡改' : truncated ? '被截断' : '被篡改';
  return { type: 'error', text: `审计链${what}：共 ${r.chains} 条链、${r.rows} 条记录，发现 ${r.breaks.length} 处问题（见下表）。` };
}

/** 哈希链校验: recomputed on the server when the auditor asks; the result stays on the page. */
export function AuditVerification() {
  const verify = useVerify();
  const v = verify.data ? verdict(verify.data) : null;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={<h2 style={{ fontSize: 16, margin: 0 }}>哈希链校验</h2>}
      extra={
        <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
          校验哈希链
        </Button>
      }
    >
      <ApiErrorAlert error={verify.error} />
      {!verify.data && !verify.isError && <Typography.Text type="secondary">重新计算每条审计链的哈希值并核对链头封印，可发现被修改、删除或截断的记录。</Typography.Text>}
      {v && (
        <div data-testid="verify-result" data-verdict={v.type === 'success' ? 'intact' : 'broken'}>
          <Alert type={v.type} showIcon role="status" title={v.type === 'success' ? `✓ ${v.text}` : `✗ ${v.text}`} description={`校验时间：${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`} />
          {verify.data!.breaks.length > 0 && (
            <Table<Break>
              style={{ marginTop: 12 }}
              rowKey={(b) => `${b.chain}/${b.seq}/${b.reason}`}
              size="small"
              pagination={false}
              dataSource={verify.data!.breaks}
              aria-label="校验发现的问题"
              columns={[
                { title: '链', dataIndex: 'chain' },
                { title: '序号', dataIndex: 'seq', width: 90 },
                { title: '问题', dataIndex: 'reason', render: (r: Break['reason']) => `${BREAKS[r] ?? r}（${r}）` },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}
