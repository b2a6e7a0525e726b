import { Form, Modal, Select, Typography } from 'antd';
import { Role, ROLE_LABELS } from '@fuyi/kernel';
import { useTownships } from '../../api/reference';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { showFieldErrors } from '../../components/field-errors';
import { useChangeRole, type UserRow } from './api';
import { ORDINARY_ROLES } from './UserCreateModal';

/** 变更角色 (security administrator only, 三员分立): with the row's version; a change meanwhile answers 409 → reload. */
export function RoleChangeModal({ user, onClose, onDone }: { user: UserRow | null; onClose: () => void; onDone: (text: string) => void }) {
  const [form] = Form.useForm<{ role: Role; townshipId?: number }>();
  const change = useChangeRole();
  const townships = useTownships();
  const role = Form.useWatch('role', form);
  const close = () => {
    change.reset();
    onClose();
  };
  return (
    <Modal
      open={user !== null}
      title={user ? `变更角色：${user.displayName}（${user.username}）` : ''}
      okText="确认变更"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={close}
      okButtonProps={{ loading: change.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">变更后该用户的所有会话立即失效，须重新登录。</Typography.Paragraph>
      <ConflictAwareError error={change.error} onReload={close} />
      {user && (
        <Form
          form={form}
          name="role-change"
          layout="vertical"
          preserve={false}
          initialValues={{ role: user.role, townshipId: user.townshipId ?? undefined }}
          onFinish={(v) =>
            change.mutate(
              { id: user.id, version: user.version, role: v.role, ...(v.role === Role.TownshipClerk ? { townshipId: v.townshipId } : {}) },
              { onSuccess: (u) => (onDone(`${u.displayName} 的角色已变更为${ROLE_LABELS[u.role as Role] ?? u.role}。`), close()), onError: (e) => showFieldErrors(form, e) },
            )
          }
          aria-label="变更角色"
        >
          <Form.Item name="role" label="新角色" rules={[{ required: true, message: '请选择角色' }]}>
            <Select showSearch optionFilterProp="label" options={ORDINARY_ROLES} />
          </Form.Item>
          {role === Role.TownshipClerk && (
            <Form.Item name="townshipId" label="所属街乡镇" rules={[{ required: true, message: '分中心接待员须选择所属街乡镇' }]}>
              <Select showSearch optionFilterProp="label" options={(townships.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}

/** The API's refusal with its code; a 409 (someone changed the account meanwhile) offers to reload the list. */
export function ConflictAwareError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const conflict = error !== null && typeof error === 'object' && 'status' in error && error.status === 409;
  return (
    <>
      {conflict && <Typography.Paragraph type="warning">该用户已被他人修改，请关闭后在最新的列表上重试。</Typography.Paragraph>}
      <ApiErrorAlert error={error} onReload={onReload} />
    </>
  );
}
