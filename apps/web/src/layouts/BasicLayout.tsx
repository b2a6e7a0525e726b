import { BellOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Badge, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { ACCOUNT_PAGES, MENU, isRole, roleLabel } from '../access';
import { useUnreadCount } from '../api/queries';
import { useSession } from '../api/use-session';
import { useSignOut } from './use-sign-out';

const { Header, Sider, Content } = Layout;

/** The signed-in shell (Ant Design Pro's BasicLayout): the role's menu at the side, the user and the inbox at the top. */
export default function BasicLayout() {
  return (
    <App>
      <Shell />
    </App>
  );
}

function Shell() {
  const current = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const leave = useSignOut();
  const unread = useUnreadCount();
  if (!current) return null;
  const { user } = current;
  const menu = isRole(user.role) ? MENU[user.role] : [];
  const selected = menu.find((m) => location.pathname === m.path || location.pathname.startsWith(`${m.path}/`))?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} width={208} theme="dark">
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '16px 24px' }}>复议办案平台</div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={menu.map((m) => ({ key: m.path, label: m.label }))}
            onClick={({ key }) => void navigate(key)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Space size="large">
            <Button
              type="text"
              onClick={() => void navigate('/notifications')}
              aria-label={`站内通知，未读 ${unread.data?.count ?? 0} 条`}
              data-testid="inbox-badge"
            >
              <Badge count={unread.data?.count ?? 0} size="small" overflowCount={99}>
                <BellOutlined style={{ fontSize: 18 }} />
              </Badge>
            </Button>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
                  { type: 'divider' },
                  { key: 'out', icon: <LogoutOutlined />, label: '退出登录' },
                  { key: 'all', icon: <LogoutOutlined />, label: '在所有设备上退出' },
                ],
                onClick: ({ key }) => (key === 'password' ? void navigate(ACCOUNT_PAGES.password) : void leave(key === 'all')),
              }}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                <Typography.Text strong>{user.displayName}</Typography.Text>
                <Typography.Text type="secondary">（{roleLabel(user.role)}）</Typography.Text>
              </Button>
            </Dropdown>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <main>
            <Outlet />
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}
