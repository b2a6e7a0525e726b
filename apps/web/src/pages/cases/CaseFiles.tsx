import { useState } from 'react';
import { Alert, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { FilesCard } from '../../components/files/FilesCard';
import { caseKey, downloadCasePackage, type CaseResource } from './api';

/**
 * 材料与证据 of a case (issue 18): the shared files card (list, 预览, upload with allowedActions' `upload_file`) with
 * what only a case has — the evidence catalogue's kinds, the ARL 70 risk the API reports, and the closed case's package
 * (下载案卷, with `download_package`). An upload refreshes the case too (its risks).
 */
export function CaseFiles({ c }: { c: Pick<CaseResource, 'id' | 'caseNumber' | 'allowedActions' | 'risks'> }) {
  const [error, setError] = useState<unknown>(null);
  const may = (a: string) => c.allowedActions.some((x) => x.action === a);
  return (
    <FilesCard
      owner={{ type: 'case', id: c.id }}
      allowedActions={c.allowedActions}
      alsoRefresh={[caseKey(c.id)]}
      testId="case-files"
      extra={
        may('download_package') && (
          <Button size="small" icon={<DownloadOutlined />} onClick={() => downloadCasePackage(c).catch(setError)}>
            下载案卷（含卷内目录）
          </Button>
        )
      }
    >
      {c.risks.map((r) => (
        <Alert key={r.code} type="warning" showIcon role="alert" style={{ marginBottom: 8 }} title={r.message} description={r.article} />
      ))}
      <ApiErrorAlert error={error} />
    </FilesCard>
  );
}
