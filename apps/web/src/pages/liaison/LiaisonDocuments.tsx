import { App, Button, Table } from 'antd';
import { empty, beijingDay } from '../../components/Mark';
import { errorMessage } from '../../api/errors';
import { downloadLiaisonDocument, type LiaisonDocument } from './api';

/** Issued risk notices and letters (.docx). */
export function LiaisonDocuments({ docs }: { docs: LiaisonDocument[] }) {
  const { message } = App.useApp();
  return (
    <Table size="small" rowKey="id" pagination={false} aria-label="文书" dataSource={docs} locale={empty('尚未出具文书')}
      columns={[
        { title: '文书', dataIndex: 'title' },
        { title: '文号', dataIndex: 'number' },
        { title: '出具日期', dataIndex: 'issuedAt', render: (v: string) => beijingDay(v) },
        { title: '操作', key: 'd', render: (_: unknown, d) => <Button size="small" aria-label={`下载 ${d.title}`} onClick={() => downloadLiaisonDocument(d).catch((e) => void message.error(errorMessage(e)))}>下载</Button> },
      ]} />
  );
}
