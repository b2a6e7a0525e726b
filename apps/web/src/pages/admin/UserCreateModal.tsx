import { Form, Input, Modal, Select } from 'antd';
import { Role, ROLE_LABELS } from '@fuyi/kernel';
import { useTownships } from '../../api/reference';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import { useCreateUser, type CreateUserBody } from './api';
import { temporaryPassword } from './temp-password';

/** 三员分立: the API refuses (USER_ROLE_RESERVED) to create the three administrator roles, so they are not offered. */
const RESERVED = new Set<Role>([Role.Admin, Role.SecurityAdmin, Role.Auditor]);
export const ORDINARY_ROLES = Object.values(Role)
  .filter((r) => !RESERVED.has(r))
  .map((r) => ({ value: r, label: ROLE_LABELS[r] }));

type Fields = Omit<CreateUserBody, 'password'>;

/** 新建用户: the console makes the temporary password and shows it once after the API accepted the account. */
export function UserCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (username: string, password: string) => void }) {
  const [form] = Form.useForm<Fields>();
  const create = useCreateUser();
  const townships = useTownships();
  const role = Form.useWatch('role', form);
  const close = () => {
    form.resetFields();
    create.reset();
    onClose();
  };
  const submit = (v: Fields) => {
    const password = temporaryPassword();
    create.mutate(
      { ...v, password },
      {
        onSuccess: (u) => {
          close();
          onCreated(u.username, password);
        },
        onError: (e) => showFieldErrors(form, e),
      },
    );
  };
  return (
    <Modal open={open} title="新建用户" okText="创建" cancelText="取消" onOk={() => form.submit()} onCancel={close} okButtonProps={{ loading: create.isPending }} destroyOnHidden>
      <ApiErrorAlert error={create.error} />
      <Form form={form} name="user-create" layout="vertical" onFinish={submit} aria-label="新建用户">
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请填写用户名' }]} extra="3-64位小写字母、数字或 _ . -">
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]} extra="系统管理员、安全管理员、安全审计员账号由运维人员在服务器上创建（三员分立）">
          <Select showSearch optionFilterProp="label" options={ORDINARY_ROLES} placeholder="请选择（可输入筛选）" />
        </Form.Item>
        {role === Role.TownshipClerk && (
          <Form.Item name="townshipId" label="所属街乡镇" rules={[{ required: true, message: '分中心接待员须选择所属街乡镇' }]}>
            <Select showSearch optionFilterProp="label" options={(townships.data ?? []).map((t) => ({ value: t.id, label: t.name }))} placeholder="请选择" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
