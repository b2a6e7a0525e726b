import type { ReactNode } from 'react';
import { Col, Form } from 'antd';
import type { Rule } from 'antd/es/form';
import type { NamePath } from 'antd/es/form/interface';
import { required as requiredRule } from './registration';

/** A maximum length, said in characters as the API counts them. */
export const maxChars = (max: number): Rule => ({ max, message: `不超过${max}个字` });

/**
 * One field of the counter's forms (registration, consultation) in its grid column: the label, then its rules in one
 * order: required (`required`: the words after 请填写, the label when `true`), the maximum length, then any others.
 */
export function GridField(props: {
  span: number;
  name: NamePath;
  label: string;
  required?: boolean | string;
  max?: number;
  rules?: Rule[];
  extra?: ReactNode;
  children: ReactNode;
}) {
  const { span, name, label, required, max, rules = [], extra, children } = props;
  const all = [
    ...(required ? [requiredRule(typeof required === 'string' ? required : label)] : []),
    ...(max !== undefined ? [maxChars(max)] : []),
    ...rules,
  ];
  return (
    <Col span={span}>
      <Form.Item name={name} label={label} extra={extra} rules={all} required={!!required || undefined}>
        {children}
      </Form.Item>
    </Col>
  );
}
