import { Button, Form, Input, Radio } from 'antd';
import { idNumberRule } from '../../components/form-rules';
import type { SearchTerm } from './api';

const BY: Array<{ value: SearchTerm['by']; label: string; placeholder: string }> = [
  { value: 'caseNumber', label: '案件编号', placeholder: '如 通复〔2026〕第00012号（完整编号）' },
  { value: 'name', label: '申请人姓名', placeholder: '可只输入姓名的一部分，如“小明”' },
  { value: 'idNumber', label: '身份证号码', placeholder: '18位身份证号码（精确查找）' },
];

/**
 * 案件查找: by case number, part of an applicant's name or a party's ID number. The form never submits natively (no
 * GET with the number in the URL): onSearch decides how each term travels.
 */
export function CaseSearchForm({ onSearch, searching }: { onSearch: (t: SearchTerm) => void; searching?: boolean }) {
  const [form] = Form.useForm<SearchTerm>();
  const by = Form.useWatch('by', form) ?? 'caseNumber';
  const current = BY.find((b) => b.value === by) ?? BY[0];
  return (
    <Form<SearchTerm>
      form={form}
      layout="inline"
      initialValues={{ by: 'caseNumber', value: '' }}
      onFinish={(v) => onSearch({ by: v.by, value: v.value.trim() })}
      aria-label="案件查找"
      data-testid="case-search"
      autoComplete="off"
    >
      <Form.Item name="by">
        <Radio.Group
          aria-label="查找方式"
          optionType="button"
          options={BY.map(({ value, label }) => ({ value, label }))}
          onChange={() => form.setFields([{ name: 'value', errors: [] }])}
        />
      </Form.Item>
      <Form.Item
        name="value"
        rules={[{ required: true, whitespace: true, message: `请输入${current.label}` }, ...(by === 'idNumber' ? [idNumberRule] : [])]}
      >
        <Input aria-label={current.label} placeholder={current.placeholder} style={{ width: 320 }} allowClear />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={searching}>
          查找
        </Button>
      </Form.Item>
    </Form>
  );
}
