import { AutoComplete, Button, Form, Input, Space, type FormInstance } from 'antd';
import { isoDateRule } from '../../components/form-rules';
import { ACTIONS, type AuditFilters } from './api';

const UUID = /^\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\s*$/i; // trimmed when sent

/** Only the filters that were filled in, trimmed (the API treats an absent filter as "any"). */
export function cleanFilters(v: Record<string, string | undefined>): AuditFilters {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x?.trim()]).filter(([, x]) => x)) as AuditFilters;
}

const FILTER_KEYS = ['actorId', 'action', 'subjectType', 'subjectId', 'from', 'to'];

/** The filters in the page's address (?action=…&from=…&to=…, as a home figure opens the log); other parameters ignored. */
export const filtersOf = (search: string): AuditFilters => cleanFilters(Object.fromEntries([...new URLSearchParams(search)].filter(([k]) => FILTER_KEYS.includes(k))));

/**
 * The auditor's filters: actor (a user id, as the log records it), action, subject, Shanghai dates from-to (inclusive).
 * Checked as the API checks them, so a typo is said beside the field; Enter in any field runs the search.
 */
export function AuditFilterForm({ onSearch, form: given }: { onSearch: (f: AuditFilters) => void; form?: FormInstance<AuditFilters> }) {
  const [own] = Form.useForm<AuditFilters>();
  const form = given ?? own;
  return (
    <Form<AuditFilters> form={form} name="audit-filters" layout="inline" aria-label="筛选审计记录" onFinish={(v) => onSearch(cleanFilters(v))} style={{ rowGap: 8 }}>
      <Form.Item name="actorId" label="操作人ID" rules={[{ pattern: UUID, message: '请填写用户ID（36位，可在记录中点击操作人得到）' }]}>
        <Input allowClear autoComplete="off" style={{ width: 300 }} />
      </Form.Item>
      <Form.Item name="action" label="操作" rules={[{ pattern: /^[a-z_.]{1,64}$/, message: '操作代码为小写字母、点和下划线，如 calendar.change' }]}>
        <AutoComplete
          allowClear
          style={{ width: 220 }}
          options={Object.entries(ACTIONS).map(([value, label]) => ({ value, label: `${label}（${value}）` }))}
          filterOption={(input, o) => !!o && `${o.value}${o.label}`.includes(input)}
        />
      </Form.Item>
      <Form.Item name="subjectType" label="对象类型" rules={[{ pattern: /^[a-z_]{1,32}$/, message: '对象类型为小写字母和下划线，如 case、user、calendar' }]}>
        <Input allowClear autoComplete="off" style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="subjectId" label="对象编号" rules={[{ max: 64, message: '最多64个字符' }]}>
        <Input allowClear autoComplete="off" style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="from" label="起始日期" rules={[isoDateRule]}>
        <Input allowClear autoComplete="off" placeholder="YYYY-MM-DD" style={{ width: 130 }} />
      </Form.Item>
      <Form.Item
        name="to"
        label="截止日期"
        dependencies={['from']}
        rules={[
          isoDateRule,
          ({ getFieldValue }) => ({
            validator: (_, to?: string) => {
              const from = getFieldValue('from') as string | undefined;
              return !to || !from || from <= to ? Promise.resolve() : Promise.reject(new Error('截止日期不能早于起始日期'));
            },
          }),
        ]}
      >
        <Input allowClear autoComplete="off" placeholder="YYYY-MM-DD" style={{ width: 130 }} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch({});
            }}
          >
            重置
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
