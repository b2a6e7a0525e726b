import './counter.css';
import { Button, Card, Flex } from 'antd';
import { FileAddOutlined, MessageOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { RoleHome } from '../../components/RoleHome';
import { TownshipApplications } from './TownshipApplications';

/** The township counter (issue 13 item 3): what to do next, and the applications received here with their stage. */
export default function CounterHomePage() {
  const navigate = useNavigate();
  return (
    <RoleHome title="接待登记">
      <Flex gap={12} style={{ margin: '16px 0' }} className="fuyi-counter-form">
        <Button type="primary" icon={<FileAddOutlined />} onClick={() => void navigate('/register')}>
          登记复议申请
        </Button>
        <Button icon={<MessageOutlined />} onClick={() => void navigate('/consultations')}>
          登记咨询
        </Button>
      </Flex>
      <Card title="本分中心的复议申请" size="small">
        <TownshipApplications />
      </Card>
    </RoleHome>
  );
}
