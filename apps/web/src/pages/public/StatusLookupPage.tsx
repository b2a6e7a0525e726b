import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { components } from '@generated/api-types';

type Status = components['schemas']['PublicStatusStatusResponse'];

interface Query {
  caseNumber: string;
  queryCode: string;
}

/** 'YYYY-MM-DD' → '2026年3月2日' (applicants read dates in Chinese; no time zone involved). */
const cnDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

/**
 * Item 9: for applicants, no login, phone first (375×667). Case number and query code → the stage in plain Chinese
 * and the next legal step with its due date. POST, so the code never lands in a URL.
 */
export default function StatusLookupPage() {
  const [form] = Form.useForm<Query>();
  const [result, setResult] = useState<Status | null>(null);
  const lookup = useMutation({
    mutationFn: (q: Query) =>
      unwrap(api.POST('/api/public/case-status', { body: { caseNumber: q.caseNumber.trim(), queryCode: q.queryCode.trim().toUpperCase() } })),
    onSuccess: setResult,
    onMutate: () => setResult(null),
  });

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', padding: '24px 12px' }}>
      <main style={{ maxWidth: 480, margin: '0 auto' }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          行政复议案件办理进度查询
        </Typography.Title>
        <Card>
          <Form form={form} layout="vertical" onFinish={(q) => lookup.mutate(q)} requiredMark={false} size="large">
            <Form.Item
              label="案件编号"
              name="caseNumber"
              extra="见收件回执，如：通复〔2026〕第00012号"
              rules={[{ required: true, whitespace: true, message: '请输入案件编号' }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              label="查询码"
              name="queryCode"
              extra="收件回执上的6位查询码"
              rules={[{ required: true, pattern: /^\s*[A-Za-z2-9]{6}\s*$/, message: '查询码为6位字母或数字' }]}
            >
              <Input autoComplete="off" maxLength={8} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={lookup.isPending}>
              查询
            </Button>
          </Form>
        </Card>
        {lookup.isError && (
          <Alert type="error" showIcon style={{ marginTop: 16 }} title={errorMessage(lookup.error)} role="alert" data-testid="lookup-error" />
        )}
        {result && (
          <Card style={{ marginTop: 16 }} title={result.caseNumber} data-testid="lookup-result">
            <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }} data-testid="stage">
              {result.stageLabel}
            </Typography.Title>
            <Typography.Paragraph>{result.explanation}</Typography.Paragraph>
            {result.nextStep && (
              <Alert
                type="info"
                title={`下一步：${result.nextStep.action}`}
                description={
                  <>
                    {result.nextStep.due && (
                      <div data-testid="next-due">
                        期限：{cnDate(result.nextStep.due)}
                        {result.nextStep.provisional ? '（暂定，可能随法定事由变化）' : ''}
                      </div>
                    )}
                    <div>依据：{result.nextStep.basis}</div>
                    {result.nextStep.note && <div>{result.nextStep.note}</div>}
                  </>
                }
              />
            )}
            <Descriptions column={1} size="small" style={{ marginTop: 16 }}>
              <Descriptions.Item label="收件日期">{cnDate(result.receivedOn)}</Descriptions.Item>
              {result.acceptedOn && <Descriptions.Item label="受理日期">{cnDate(result.acceptedOn)}</Descriptions.Item>}
              {result.acceptanceDue && <Descriptions.Item label="受理审查期限">{cnDate(result.acceptanceDue)}</Descriptions.Item>}
            </Descriptions>
          </Card>
        )}
      </main>
    </div>
  );
}
