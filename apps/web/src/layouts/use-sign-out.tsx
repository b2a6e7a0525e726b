import { App } from 'antd';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../api/errors';
import { signOut } from '../api/session';

/**
 * 退出登录 / 在所有设备上退出. Signed out only when the server ended the session; when the call fails the page stays
 * signed in and a dialog says so, in words, and offers to try again (the session and its cookie are still alive: a
 * clerk who walked away believing otherwise would leave the desk signed in).
 */
export function useSignOut(): (everywhere: boolean) => Promise<void> {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { modal } = App.useApp();
  const leave = async (everywhere: boolean): Promise<void> => {
    try {
      await signOut(everywhere);
    } catch (e) {
      modal.confirm({
        title: everywhere ? '在所有设备上退出未成功' : '退出登录未成功',
        content: `服务器未能结束登录会话（${errorMessage(e)}），您仍处于登录状态，他人仍可在本机继续使用您的账号。请重试；如多次失败，请锁定电脑并联系系统管理员。`,
        okText: '重试',
        cancelText: '暂不退出',
        onOk: () => leave(everywhere),
      });
      return;
    }
    queryClient.clear();
    void navigate('/login', { replace: true, state: { reason: 'signed-out' } });
  };
  return leave;
}
