import { Col, Form, Input, Radio, Row } from 'antd';
import type { FieldPath } from '../../components/field-errors';
import { creditCodeRule, idNumberRule, phoneRule, required } from './registration';

/**
 * One party's fields (an applicant or the agent). `name` is the path inside the form list (or from the form's root),
 * `watch` the full path of its `kind`, to switch between a person's and an organisation's fields. `who` names the party
 * in every message ("请填写申请人2的身份证号码"), so a clerk knows which card is meant.
 */
export function PartyFields({
  name,
  watch,
  who,
  allowOrganisation = true,
}: {
  name: FieldPath;
  watch: FieldPath;
  who: string;
  allowOrganisation?: boolean;
}) {
  const kind = (Form.useWatch(watch) as 'person' | 'organisation' | undefined) ?? 'person';
  const path = (f: string) => [...name, f];
  return (
    <Row gutter={16}>
      {allowOrganisation && (
        <Col span={24}>
          <Form.Item name={path('kind')} label={`${who}类型`} style={{ marginBottom: 8 }}>
            <Radio.Group
              options={[
                { value: 'person', label: '自然人' },
                { value: 'organisation', label: '法人或其他组织' },
              ]}
            />
          </Form.Item>
        </Col>
      )}
      <Col span={8}>
        <Form.Item
          name={path('name')}
          label={kind === 'person' ? '姓名' : '名称'}
          rules={[required(`${who}${kind === 'person' ? '姓名' : '名称'}`), { max: 100, message: '不超过100个字' }]}
          required
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      {kind === 'person' ? (
        <Col span={8}>
          <Form.Item
            name={path('idNumber')}
            label="身份证号码"
            rules={[required(`${who}身份证号码`), idNumberRule]}
            validateTrigger={['onBlur', 'onChange']}
            normalize={(v: string) => v?.toUpperCase()}
            required
          >
            <Input autoComplete="off" maxLength={18} inputMode="text" spellCheck={false} />
          </Form.Item>
        </Col>
      ) : (
        <>
          <Col span={8}>
            <Form.Item
              name={path('creditCode')}
              label="统一社会信用代码"
              rules={[required(`${who}统一社会信用代码`), creditCodeRule]}
              normalize={(v: string) => v?.toUpperCase()}
              required
            >
              <Input autoComplete="off" maxLength={18} spellCheck={false} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={path('legalRepresentative')}
              label="法定代表人"
              rules={[required(`${who}法定代表人`), { max: 50, message: '不超过50个字' }]}
              required
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
        </>
      )}
      <Col span={8}>
        <Form.Item name={path('phone')} label="联系电话" rules={[phoneRule]}>
          <Input autoComplete="off" inputMode="tel" />
        </Form.Item>
      </Col>
      <Col span={kind === 'person' ? 24 : 16}>
        <Form.Item name={path('address')} label="住所（通讯地址）" rules={[{ max: 200, message: '不超过200个字' }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
