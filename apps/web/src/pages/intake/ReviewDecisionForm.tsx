import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Radio, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { isIsoDate } from '@fuyi/kernel';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import type { Decided, ReviewDecision } from './api';

type Outcome = ReviewDecision['outcome'];

interface DecisionValues {
  outcome: Outcome;
  procedure: 'ordinary' | 'simplified';
  simplifiedReason?: string;
  items: string[];
  reason?: string;
  competentBody?: string;
  note?: string;
  decidedOn?: string;
}

/** Each outcome with the article it applies and what the confirmation says happens next. */
export const OUTCOMES: Record<Outcome, { label: string; article: string; rule: string; consequence: string }> = {
  accept: {
    label: '受理',
    article: '《行政复议法》第三十条',
    rule: '行政复议申请符合受理条件的，行政复议机关应当予以受理。',
    consequence:
      '受理后开始计算审理期限：普通程序60日（第六十二条），简易程序30日；并须在7日（简易程序3日）内将申请书副本发送被申请人（第四十八条、第五十四条）。',
  },
  request_correction: {
    label: '通知补正',
    article: '《行政复议法》第三十一条',
    rule: '申请材料不齐全或者表述不清楚，无法判断是否符合受理条件的，应当自收到申请之日起5日内书面通知申请人补正，补正通知应当一次性载明需要补正的事项。',
    consequence: '申请人应当自收到补正通知之日起10日内提交补正材料；无正当理由逾期不补正的，视为放弃行政复议申请。本案只能通知补正一次。',
  },
  refuse: {
    label: '不予受理',
    article: '《行政复议法》第三十条',
    rule: '行政复议申请不符合受理条件的，应当在审查期限内决定不予受理并说明理由；不属于本机关管辖的，还应当在不予受理决定中告知申请人有管辖权的行政复议机关。',
    consequence: '不予受理决定作出后，本案办结；申请人可以依法提起行政诉讼。',
  },
};

function bodyOf(v: DecisionValues, version: number): ReviewDecision {
  const t = (s?: string) => (s?.trim() ? s.trim() : undefined);
  const common = { version, note: t(v.note), decidedOn: t(v.decidedOn) };
  switch (v.outcome) {
    case 'accept':
      return {
        ...common,
        outcome: 'accept',
        procedure: v.procedure,
        ...(v.procedure === 'simplified' ? { simplifiedReason: t(v.simplifiedReason) } : {}),
      };
    case 'request_correction':
      return { ...common, outcome: 'request_correction', items: v.items.map((i) => i.trim()).filter(Boolean) };
    case 'refuse':
      return { ...common, outcome: 'refuse', reason: t(v.reason), competentBody: t(v.competentBody) };
  }
}

/**
 * 受理审查决定: accept (with the procedure), ask for correction (every item at once) or refuse (with reasons); the
 * article is shown beside the choice and again in the confirmation. The API's errors (code and Chinese message) stay in
 * the form; a 409 says that someone else changed the case and offers to reload it.
 */
export function ReviewDecisionForm({
  caseNumber,
  version,
  decide,
  onDecided,
  onReload,
  allowed,
}: {
  caseNumber: string;
  version: number;
  decide: (body: ReviewDecision) => Promise<Decided>;
  onDecided: (d: Decided, outcome: Outcome) => void;
  /** The outcomes the server allows this user now (the case's allowedActions); every outcome when not given. */
  allowed?: readonly Outcome[];
  onReload: () => void;
}) {
  const [form] = Form.useForm<DecisionValues>();
  const { modal } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const outcome =
    (Form.useWatch('outcome', form) as Outcome | undefined) ?? (!allowed || allowed.includes('accept') ? 'accept' : allowed[0]);
  const procedure = Form.useWatch('procedure', form) as DecisionValues['procedure'] | undefined;
  const o = OUTCOMES[outcome];

  const send = async (v: DecisionValues) => {
    setBusy(true);
    setError(null);
    try {
      onDecided(await decide(bodyOf(v, version)), v.outcome);
    } catch (e) {
      showFieldErrors(form, e);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = (v: DecisionValues) => {
    const what =
      v.outcome === 'accept'
        ? `受理（${v.procedure === 'simplified' ? '简易程序' : '普通程序'}）`
        : v.outcome === 'request_correction'
          ? `通知补正（${v.items.filter((i) => i?.trim()).length} 项）`
          : '不予受理';
    modal.confirm({
      title: `确认对 ${caseNumber} 作出“${what}”决定？`,
      content: (
        <>
          <Typography.Paragraph>
            依据：{o.article}。{o.rule}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">{o.consequence}</Typography.Paragraph>
        </>
      ),
      okText: `确认${o.label}`,
      cancelText: '返回修改',
      onOk: () => send(v),
    });
  };

  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      initialValues={{ outcome: !allowed || allowed.includes('accept') ? 'accept' : allowed[0], procedure: 'ordinary', items: [''] }}
      onFinish={confirm}
      aria-label="受理审查决定"
      className="fuyi-counter-form"
    >
      <ApiErrorAlert
        error={error}
        onReload={() => {
          setError(null);
          onReload();
        }}
      />
      <Form.Item name="outcome" label="审查结论">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={(Object.keys(OUTCOMES) as Outcome[])
            .filter((k) => !allowed || allowed.includes(k))
            .map((k) => ({ value: k, label: OUTCOMES[k].label }))}
        />
      </Form.Item>
      <Alert type="info" showIcon title={o.article} description={o.rule} style={{ marginBottom: 16 }} data-testid="decision-article" />

      {outcome === 'accept' && (
        <>
          <Form.Item name="procedure" label="审理程序">
            <Radio.Group
              options={[
                { value: 'ordinary', label: '普通程序（60日内作出决定）' },
                { value: 'simplified', label: '简易程序（30日内作出决定，《行政复议法》第五十三条）' },
              ]}
            />
          </Form.Item>
          {procedure === 'simplified' && (
            <Form.Item
              name="simplifiedReason"
              label="适用简易程序的理由"
              rules={[
                { required: true, whitespace: true, message: '请填写适用简易程序的理由（《行政复议法》第五十三条）' },
                { max: 500, message: '不超过500个字' },
              ]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} placeholder="如：被申请复议的行政行为是警告，事实清楚、争议不大" />
            </Form.Item>
          )}
        </>
      )}

      {outcome === 'request_correction' && (
        <Card size="small" title="需要补正的事项（一次性全部列明）" style={{ marginBottom: 16 }}>
          <Form.List
            name="items"
            rules={[
              {
                validator: (_, items?: string[]) =>
                  items?.some((i) => i?.trim()) ? Promise.resolve() : Promise.reject(new Error('请至少列明一项需要补正的事项')),
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f, i) => (
                  <Form.Item key={f.key} label={`补正事项 ${i + 1}`} required={i === 0}>
                    <div style={{ display: 'flex', gap: 8 }}>
                      <Form.Item name={f.name} noStyle rules={[{ max: 500, message: '不超过500个字' }]}>
                        <Input
                          placeholder="如：请提交被申请复议的行政处罚决定书复印件"
                          autoComplete="off"
                          aria-label={`补正事项 ${i + 1}`}
                        />
                      </Form.Item>
                      {fields.length > 1 && (
                        <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={`删除补正事项 ${i + 1}`} />
                      )}
                    </div>
                  </Form.Item>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 30}>
                  添加补正事项
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      )}

      {outcome === 'refuse' && (
        <>
          <Form.Item
            name="reason"
            label="不予受理的理由"
            rules={[
              { required: true, whitespace: true, message: '请填写不予受理的理由' },
              { max: 2000, message: '不超过2000个字' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item
            name="competentBody"
            label="有管辖权的行政复议机关"
            extra="不属于本机关管辖的，告知申请人有管辖权的机关"
            rules={[{ max: 200, message: '不超过200个字' }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </>
      )}

      <Form.Item
        name="decidedOn"
        label="决定日期"
        extra="默认今天；补录纸质审查记录时填写实际日期（YYYY-MM-DD）"
        rules={[
          {
            validator: (_, v?: string) =>
              !v?.trim() || isIsoDate(v.trim()) ? Promise.resolve() : Promise.reject(new Error('日期格式应为 YYYY-MM-DD，且须为有效日期')),
          },
        ]}
      >
        <Input placeholder="YYYY-MM-DD" autoComplete="off" style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item name="note" label="备注" rules={[{ max: 1000, message: '不超过1000个字' }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} danger={outcome === 'refuse'} data-testid="decision-submit">
        {o.label}…
      </Button>
    </Form>
  );
}
