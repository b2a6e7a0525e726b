import { Alert, Modal, Typography } from 'antd';

/**
 * The temporary password, shown once: it is kept nowhere (not in the page's state after closing, never in storage);
 * the administrator hands it over and the user must change it at first sign-in.
 */
export function OneTimePassword({ shown, onClose }: { shown: { username: string; password: string } | null; onClose: () => void }) {
  return (
    <Modal open={shown !== null} title="临时密码（仅显示一次）" okText="我已记下" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} destroyOnHidden>
      {shown && (
        <>
          <Typography.Paragraph>
            用户 <Typography.Text strong>{shown.username}</Typography.Text> 的临时密码：
          </Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: shown.password, tooltips: ['复制', '已复制'] }} data-testid="temporary-password" style={{ fontFamily: 'monospace', fontSize: 20 }}>
            {shown.password}
          </Typography.Paragraph>
          <Alert type="warning" showIcon title="关闭本窗口后将无法再次查看。请当面或通过安全渠道交给用户；用户首次登录时须修改密码。" />
        </>
      )}
    </Modal>
  );
}
