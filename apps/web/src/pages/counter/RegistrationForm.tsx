import { useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/errors';
import { respondentOptions, type Categories, type Department } from '../../api/reference';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import type { Registration } from './api';
import { GridField } from './GridField';
import { PartyFields } from './PartyFields';
import {
  STANDARD_MATERIALS,
  blankRegistration,
  formPathOf,
  isoDateRule,
  newIdempotencyKey,
  notAfterToday,
  receivedAtRule,
  required,
  requiredChoice,
  toRegisterBody,
  type RegisterBody,
  type RegistrationValues,
} from './registration';

export interface RegistrationFormProps {
  departments: readonly Department[];
  categories: Categories;
  /** Sends one registration; the same key for every submission of this form instance. */
  submit: (body: RegisterBody, idempotencyKey: string) => Promise<Registration>;
  onRegistered: (r: Registration) => void;
}

const { TextArea } = Input;

/**
 * 复议申请登记 at a township counter. Checks each field as it is typed (the ID number's check digit with the kernel's
 * code), names every missing field in Chinese, and sends the form with one Idempotency-Key per form instance: a double
 * click, a second Enter or a resubmission after a lost answer never registers the case twice.
 */
export function RegistrationForm({ departments, categories, submit, onRegistered }: RegistrationFormProps) {
  const [form] = Form.useForm<RegistrationValues>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<unknown>(null);
  const [fieldErrorsShown, setFieldErrorsShown] = useState(false);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const hasAgent = Form.useWatch('hasAgent', form) as boolean | undefined;
  const channel = Form.useWatch('channel', form) as RegistrationValues['channel'] | undefined;

  const send = async () => {
    // A second click or Enter while the first is on its way: the same registration, not another one.
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    const values = form.getFieldsValue(true) as RegistrationValues;
    try {
      const registration = await submit(toRegisterBody(values), idempotencyKey);
      onRegistered(registration);
    } catch (e) {
      setFieldErrorsShown(showFieldErrors(form, e, formPathOf(values)));
      setError(e);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <Form<RegistrationValues>
      form={form}
      layout="vertical"
      initialValues={blankRegistration()}
      onFinish={() => void send()}
      scrollToFirstError={{ focus: true, block: 'center' }}
      aria-label="复议申请登记"
      data-testid="registration-form"
      className="fuyi-counter-form"
    >
      {error !== null && (
        <ApiErrorAlert
          error={error}
          title={fieldErrorsShown && error instanceof ApiError && error.status === 400 ? '填写有误，请按标红的提示修改后再提交' : undefined}
        />
      )}

      <Card title="收件信息" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="channel" label="申请方式" rules={[requiredChoice('申请方式')]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={Object.entries(categories.channels).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="receivedAt"
              label="收件时间"
              extra="窗口收件（盖章）时间，默认为打开本页的时间"
              rules={[required('收件时间'), receivedAtRule]}
              required
            >
              <Input placeholder="YYYY-MM-DD HH:mm" autoComplete="off" />
            </Form.Item>
          </Col>
          {channel === 'post' && (
            <Col span={6}>
              <Form.Item name="postmarkedOn" label="邮戳日期" rules={[isoDateRule, notAfterToday]} extra="邮寄申请以邮戳日期为申请日期">
                <Input placeholder="YYYY-MM-DD" autoComplete="off" />
              </Form.Item>
            </Col>
          )}
          <Col span={6}>
            <Form.Item name="category" label="案件类别" rules={[requiredChoice('案件类别')]} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="请选择（可输入查找）"
                options={Object.entries(categories.categories).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Form.List
        name="applicants"
        rules={[
          {
            validator: (_, list: unknown[] | undefined) =>
              list?.length ? Promise.resolve() : Promise.reject(new Error('至少登记一名申请人')),
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                title={`申请人${fields.length > 1 ? ` ${i + 1}` : ''}`}
                style={{ marginBottom: 16 }}
                data-testid={`applicant-${i}`}
                extra={
                  fields.length > 1 && (
                    <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={`删除申请人 ${i + 1}`}>
                      删除
                    </Button>
                  )
                }
              >
                <PartyFields
                  name={[field.name]}
                  watch={['applicants', field.name, 'kind']}
                  who={fields.length > 1 ? `申请人${i + 1}的` : '申请人'}
                />
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ kind: 'person' })}
              style={{ marginBottom: 16 }}
              disabled={fields.length >= 50}
            >
              添加申请人
            </Button>
          </>
        )}
      </Form.List>

      <Card
        size="small"
        title="委托代理人"
        style={{ marginBottom: 16 }}
        extra={
          <Form.Item name="hasAgent" valuePropName="checked" noStyle>
            <Switch checkedChildren="有代理人" unCheckedChildren="无代理人" aria-label="有委托代理人" />
          </Form.Item>
        }
      >
        {hasAgent ? (
          <PartyFields name={['agent']} watch={['agent', 'kind']} who="代理人" allowOrganisation={false} />
        ) : (
          <Typography.Text type="secondary">
            申请人委托代理人的，打开右上角开关后填写代理人信息，并在材料清单中勾选授权委托书。
          </Typography.Text>
        )}
      </Card>

      <Card title="被申请人与行政行为" size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="respondentDepartmentId" label="被申请人" rules={[requiredChoice('被申请人')]} required>
              <Select showSearch={{ optionFilterProp: 'label' }} placeholder="输入名称查找" options={respondentOptions(departments)} />
            </Form.Item>
          </Col>
          <GridField span={8} name={['act', 'type']} label="行政行为" required="行政行为（如：行政处罚决定）" max={64}>
            <Input placeholder="如：行政处罚决定" autoComplete="off" />
          </GridField>
          <GridField span={8} name={['act', 'documentNumber']} label="文书编号" max={100}>
            <Input placeholder="如：京通公（治）决字〔2026〕第123号" autoComplete="off" />
          </GridField>
          <GridField span={8} name={['act', 'date']} label="作出日期" rules={[isoDateRule, notAfterToday]}>
            <Input placeholder="YYYY-MM-DD" autoComplete="off" />
          </GridField>
          <GridField
            span={8}
            name={['act', 'knownDate']}
            label="知道该行为的日期"
            extra="申请期限自此起算（《行政复议法》第二十条）"
            required="知道该行政行为的日期"
            rules={[isoDateRule, notAfterToday]}
          >
            <Input placeholder="YYYY-MM-DD" autoComplete="off" />
          </GridField>
          <GridField span={8} name={['act', 'project']} label="涉及项目" max={100}>
            <Input placeholder="征地拆迁等项目名称（选填）" autoComplete="off" />
          </GridField>
          <GridField span={24} name={['act', 'place']} label="争议地点" extra="填到村、社区、街道或地块，不填门牌、楼号、房号" max={200}>
            <Input autoComplete="off" />
          </GridField>
          <GridField span={24} name="requests" label="行政复议请求" required max={2000}>
            <TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </GridField>
          <GridField span={24} name="factsReasons" label="事实和理由" required max={10000}>
            <TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </GridField>
        </Row>
      </Card>

      <Card title="申请材料清单" size="small" style={{ marginBottom: 16 }}>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Row key={field.key} gutter={16} align="middle" data-testid={`material-${i}`}>
                  <Col span={14}>
                    {i < STANDARD_MATERIALS.length ? (
                      <Form.Item name={[field.name, 'included']} valuePropName="checked" style={{ marginBottom: 8 }}>
                        <Checkbox>{STANDARD_MATERIALS[i]}</Checkbox>
                      </Form.Item>
                    ) : (
                      <Form.Item
                        name={[field.name, 'name']}
                        rules={[required('材料名称')]}
                        style={{ marginBottom: 8 }}
                        label={`其他材料 ${i - STANDARD_MATERIALS.length + 1}`}
                      >
                        <Input autoComplete="off" />
                      </Form.Item>
                    )}
                  </Col>
                  <Col span={6}>
                    <Form.Item
                      name={[field.name, 'copies']}
                      style={{ marginBottom: 8 }}
                      label="份数"
                      layout="horizontal"
                      rules={[{ type: 'integer', min: 1, max: 999, message: '份数为1到999' }]}
                    >
                      <InputNumber min={1} max={999} precision={0} style={{ width: 88 }} />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    {i >= STANDARD_MATERIALS.length && (
                      <Button
                        size="small"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(field.name)}
                        aria-label={`删除其他材料 ${i - STANDARD_MATERIALS.length + 1}`}
                      />
                    )}
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ included: true, name: '', copies: 1 })}>
                添加其他材料
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Alert
        type="info"
        showIcon
        title="提交后生成案件编号和查询码，并打印收件回执交申请人。查询码只在本次显示一次。"
        style={{ marginBottom: 16 }}
      />
      <Button type="primary" htmlType="submit" size="large" loading={busy} data-testid="register-submit">
        登记并生成回执
      </Button>
    </Form>
  );
}
