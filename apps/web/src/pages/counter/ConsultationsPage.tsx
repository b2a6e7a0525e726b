import './counter.css';
import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Row, Select, Skeleton, Table, Typography } from 'antd';
import { shanghaiDateTime } from '@fuyi/kernel';
import { errorMessage } from '../../api/errors';
import { respondentOptions, useCategories, useDepartments } from '../../api/reference';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import { PageLoading } from '../../components/PageLoading';
import { useConsultations, useRecordConsultation, type Consultation, type ConsultationBody } from './api';
import { GridField } from './GridField';
import { phoneRule, receivedAtRule, required, requiredChoice, shanghaiInstant } from './registration';

interface ConsultationValues {
  consultedAt: string;
  visitorName?: string;
  visitorPhone?: string;
  topic?: string;
  category?: string;
  respondentDepartmentId?: number;
  actProject?: string;
  actPlace?: string;
  advice?: string;
  applicationFollowed: boolean;
}

const text = (v?: string) => (v?.trim() ? v.trim() : undefined);
const when = (iso: string) => shanghaiDateTime(new Date(iso));

/** 咨询登记: a visit at the counter (who, about what, the advice given), and the township's recent consultations. */
export default function ConsultationsPage() {
  const departments = useDepartments();
  const categories = useCategories();
  const list = useConsultations();
  const record = useRecordConsultation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ConsultationValues>();
  const [error, setError] = useState<unknown>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const blank = (): ConsultationValues => ({ consultedAt: shanghaiDateTime(new Date()), applicationFollowed: false });

  const submit = async (v: ConsultationValues) => {
    if (record.isPending) return;
    setError(null);
    setWarning(null);
    try {
      const saved = await record.mutateAsync({
        consultedAt: shanghaiInstant(v.consultedAt),
        visitorName: text(v.visitorName) ?? '',
        visitorPhone: text(v.visitorPhone),
        topic: text(v.topic) ?? '',
        category: (v.category ?? '') as ConsultationBody['category'],
        respondentDepartmentId: v.respondentDepartmentId,
        actProject: text(v.actProject),
        actPlace: text(v.actPlace),
        advice: text(v.advice) ?? '',
        applicationFollowed: v.applicationFollowed,
      });
      void message.success(`已登记 ${saved.visitorName} 的咨询`);
      setWarning(saved.mediationWarning?.message ?? null);
      form.resetFields();
      form.setFieldsValue(blank());
    } catch (e) {
      showFieldErrors(form, e);
      setError(e);
    }
  };

  const cats = categories.data?.categories ?? {};
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        咨询登记
      </Typography.Title>
      {!departments.data || !categories.data ? (
        departments.isError || categories.isError ? (
          <Alert type="error" showIcon role="alert" title={errorMessage(departments.error ?? categories.error)} />
        ) : (
          <PageLoading />
        )
      ) : (
        <Card size="small" title="登记一次咨询" style={{ marginBottom: 16 }}>
          <Form<ConsultationValues>
            form={form}
            layout="vertical"
            initialValues={blank()}
            onFinish={(v) => void submit(v)}
            aria-label="咨询登记"
            className="fuyi-counter-form"
          >
            <ApiErrorAlert error={error} />
            {warning && <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} data-testid="consultation-warning" />}
            <Row gutter={16}>
              <Col span={6}>
                <Form.Item name="consultedAt" label="咨询时间" rules={[required('咨询时间'), receivedAtRule]} required>
                  <Input placeholder="YYYY-MM-DD HH:mm" autoComplete="off" />
                </Form.Item>
              </Col>
              <GridField span={6} name="visitorName" label="来访人姓名" required max={100}>
                <Input autoComplete="off" autoFocus />
              </GridField>
              <Col span={6}>
                <Form.Item name="visitorPhone" label="联系电话" rules={[phoneRule]}>
                  <Input autoComplete="off" inputMode="tel" />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name="category" label="事项类别" rules={[requiredChoice('事项类别')]} required>
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="请选择（可输入查找）"
                    options={Object.entries(cats).map(([value, label]) => ({ value, label }))}
                  />
                </Form.Item>
              </Col>
              <GridField span={12} name="topic" label="咨询事项" required max={200}>
                <Input placeholder="如：对拆除违法建设决定不服" autoComplete="off" />
              </GridField>
              <Col span={12}>
                <Form.Item name="respondentDepartmentId" label="涉及的行政机关">
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="选填"
                    options={respondentOptions(departments.data)}
                  />
                </Form.Item>
              </Col>
              <GridField span={12} name="actProject" label="涉及项目" max={100}>
                <Input placeholder="选填" autoComplete="off" />
              </GridField>
              <GridField span={12} name="actPlace" label="争议地点" extra="填到村、社区、街道或地块" max={200}>
                <Input placeholder="选填" autoComplete="off" />
              </GridField>
              <Col span={24}>
                <Form.Item name="advice" label="答复意见" rules={[required('答复意见'), { max: 2000, message: '不超过2000个字' }]} required>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="如：告知可在知道该行为之日起60日内申请行政复议" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="applicationFollowed" valuePropName="checked">
                  <Checkbox>来访人当场提出复议申请</Checkbox>
                </Form.Item>
              </Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={record.isPending}>
              登记咨询
            </Button>
          </Form>
        </Card>
      )}
      <Card size="small" title="本分中心的咨询记录">
        {list.isError ? (
          <Alert type="error" showIcon title={errorMessage(list.error)} />
        ) : list.isPending ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <>
            <Table<Consultation>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={list.data?.pages.flatMap((p) => p.items) ?? []}
              locale={{ emptyText: <Typography.Text type="secondary">暂无咨询记录</Typography.Text> }}
              columns={[
                { title: '咨询时间', dataIndex: 'consultedAt', width: 150, render: (v: string) => when(v) },
                { title: '来访人', dataIndex: 'visitorName', width: 120 },
                { title: '咨询事项', dataIndex: 'topic', ellipsis: true },
                { title: '类别', dataIndex: 'category', width: 120, render: (v: string) => cats[v] ?? v },
                {
                  title: '提出申请',
                  dataIndex: 'applicationFollowed',
                  width: 100,
                  render: (v: boolean) => (v ? '是' : '否'),
                },
              ]}
            />
            {list.hasNextPage && (
              <Button style={{ marginTop: 12 }} onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                加载更多
              </Button>
            )}
          </>
        )}
      </Card>
    </>
  );
}
