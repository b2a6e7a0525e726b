import { Form, Input, Modal, Select, Typography } from 'antd';
import { Role } from '@fuyi/kernel';
import { useTownships } from '../../api/reference';
import { showFieldErrors } from '../../components/field-errors';
import { useUpdateUser, type UserRow } from './api';
import { ConflictAwareError } from './RoleChangeModal';

/** The office's sections (两科一室); a section the list carries that is not among them stays selectable. */
const SECTIONS = ['审理一科', '审理二科', '综合室'];

interface Values {
  displayName: string;
  townshipId?: number;
  section?: string;
}

/** 编辑 (system administrator): name, township (township clerks only) and section, with the row's version; 409 → reload. */
export function UserEditModal({ user, onClose, onDone }: { user: UserRow | null; onClose: () => void; onDone: (text: string) => void }) {
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();
  const townships = useTownships();
  const close = () => {
    update.reset();
    onClose();
  };
  const sections = [...new Set([...SECTIONS, ...(user?.section ? [user.section] : [])])].map((s) => ({ value: s, label: s }));
  const isTownship = user?.role === Role.TownshipClerk;
  return (
    <Modal
      open={user !== null}
      title={user ? `编辑用户：${user.displayName}（${user.username}）` : ''}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={close}
      okButtonProps={{ loading: update.isPending }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">角色由安全管理员变更（三员分立）。</Typography.Paragraph>
      <ConflictAwareError error={update.error} onReload={close} />
      {user && (
        <Form<Values>
          form={form}
          name="user-edit"
          layout="vertical"
          preserve={false}
          initialValues={{ displayName: user.displayName, townshipId: user.townshipId ?? undefined, section: user.section ?? undefined }}
          onFinish={(v) =>
            update.mutate(
              {
                id: user.id,
                version: user.version,
                displayName: v.displayName,
                section: v.section ?? null,
                ...(isTownship ? { townshipId: v.townshipId } : {}),
              },
              { onSuccess: (u) => (onDone(`已保存 ${u.username} 的信息。`), close()), onError: (e) => showFieldErrors(form, e) },
            )
          }
          aria-label="编辑用户"
        >
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 64, message: '不超过64个字' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          {isTownship && (
            <Form.Item name="townshipId" label="所属街乡镇" rules={[{ required: true, message: '分中心接待员须选择所属街乡镇' }]}>
              <Select showSearch optionFilterProp="label" options={(townships.data ?? []).map((t) => ({ value: t.id, label: t.name }))} />
            </Form.Item>
          )}
          <Form.Item name="section" label="科室">
            <Select allowClear showSearch optionFilterProp="label" placeholder="不属于科室" options={sections} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
