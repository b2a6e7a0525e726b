import type { ReactNode } from 'react';
import { Alert, Button, Card, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { Link } from 'react-router';
import { errorMessage } from '../api/errors';

/** What a work list shows of each case, whatever else it adds. */
interface CaseRow {
  caseId: string;
  caseNumber: string;
  applicants: string;
  respondent: string;
}

/** The case number, linking to where the row is worked on (the case page, the acceptance review). */
export function caseNumberColumn<T extends CaseRow>(href: (r: T) => string, width: number): ColumnType<T> {
  return {
    title: '案件编号',
    dataIndex: 'caseNumber',
    width,
    render: (v: string, r) => (
      <Link to={href(r)} style={{ whiteSpace: 'nowrap' }}>
        {v}
      </Link>
    ),
  };
}

/** 申请人 and 被申请人, cut short with an ellipsis. */
export function partyColumns<T extends CaseRow>(): ColumnsType<T> {
  return [
    { title: '申请人', dataIndex: 'applicants', ellipsis: true },
    { title: '被申请人', dataIndex: 'respondent', ellipsis: true },
  ];
}

/** An infinite query's state, as far as a list shows it. */
interface PagedQuery {
  isError: boolean;
  error: unknown;
  isPending: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/**
 * A work list's card (我的案件, 收件审查): the error in words, a skeleton while the first page loads (a table under a
 * loading mask is unreadable), the table, and 加载更多 while the API has more.
 */
export function QueueCard<T extends CaseRow>(props: {
  q: PagedQuery;
  rows: T[];
  label: string;
  testId: string;
  empty: ReactNode;
  size?: 'middle';
  columns: ColumnsType<T>;
}) {
  const { q } = props;
  return (
    <Card size="small">
      {q.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(q.error)} />
      ) : q.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Table<T>
          rowKey="caseId"
          size={props.size}
          dataSource={props.rows}
          pagination={false}
          aria-label={props.label}
          data-testid={props.testId}
          locale={{ emptyText: <Typography.Text type="secondary">{props.empty}</Typography.Text> }}
          columns={props.columns}
        />
      )}
      {q.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          加载更多
        </Button>
      )}
    </Card>
  );
}
