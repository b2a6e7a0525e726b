import { Alert, Tag } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../api/errors';
import { FileTable } from './FileTable';
import { useWorkList, type WorkListDue } from './api';

/** ?due=soon (a home figure opens it so): the time limit ends within 3 days or has passed. */
const DUE_FILTERS: Record<WorkListDue, string> = { soon: '调解期限3日内届满或已届满' };
const isDue = (s: string | null): s is WorkListDue => !!s && Object.hasOwn(DUE_FILTERS, s);

/** The filter a home figure opened 我的调解 with, if any (read from the URL; an unknown value is ignored). */
export function useWorkListDue(): WorkListDue | undefined {
  const raw = new URLSearchParams(useLocation().search).get('due');
  return isDue(raw) ? raw : undefined;
}

/**
 * 我的调解: the mediator's files in progress (GET /mediation/work-list), nearest time limit first, optionally only those
 * due soon: the rows the home figures count. Each file links to its page.
 */
export function MyMediationFiles() {
  const location = useLocation();
  const navigate = useNavigate();
  const due = useWorkListDue();
  const q = useWorkList(due);
  if (q.isError) return <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />;
  return (
    <>
      {/* Named once the filtered rows are in, so the tag never stands above the unfiltered ones. */}
      {due && q.data && (
        <Tag closable color="blue" onClose={() => void navigate(location.pathname)} data-testid="work-list-filter" style={{ marginBottom: 12 }}>
          筛选：{DUE_FILTERS[due]}
        </Tag>
      )}
      <div data-testid="mediation-work-list">
        <FileTable files={q.data?.files ?? []} loading={q.isPending} label="我的调解案件" />
      </div>
    </>
  );
}
