import { Button, Card, Form, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { respondentOptions, useDepartments, useTownships } from '../../api/reference';
import { FLAGS, filtersFromUrl, OPEN_STATES, useCaseSearch, useOfficeView, type OfficeFilters, type SearchTerm } from './api';
import { CaseSearchForm } from './CaseSearchForm';
import { CaseTable } from './CaseTable';

/** 办案总览 and 案件查找 (issue 13 item 6): every open case of the district, filtered, nearest due first. */
export default function OfficeViewPage() {
  const location = useLocation();
  const [initial] = useState(() => filtersFromUrl(new URLSearchParams(location.search)));
  const [filters, setFilters] = useState<OfficeFilters>(initial);
  const [cursors, setCursors] = useState<string[]>([]);
  const [searched, setSearched] = useState<SearchTerm | null>(null);
  const office = useOfficeView(filters, cursors[cursors.length - 1]);
  const search = useCaseSearch();
  const departments = useDepartments();
  const townships = useTownships();

  const applyFilters = (f: OfficeFilters) => {
    setFilters(Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== null)));
    setCursors([]);
  };
  const runSearch = (t: SearchTerm) => {
    setSearched(t);
    search.mutate(t);
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        办案总览
      </Typography.Title>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>案件查找</h2>} style={{ marginBottom: 16 }}>
        <CaseSearchForm onSearch={runSearch} searching={search.isPending} />
        {searched && (
          <div style={{ marginTop: 12 }} data-testid="search-results">
            <ApiErrorAlert error={search.error} />
            {!search.isError && (
              <CaseTable
                rows={search.data?.items ?? []}
                loading={search.isPending}
                label="查找结果"
                testId="search-table"
                empty="没有找到符合条件的案件"
              />
            )}
            <Button
              style={{ marginTop: 8 }}
              onClick={() => {
                setSearched(null);
                search.reset();
              }}
            >
              清除查找结果
            </Button>
          </div>
        )}
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>未结案件</h2>}>
        <Form<OfficeFilters>
          layout="inline"
          initialValues={initial}
          onValuesChange={(_, all) => applyFilters(all)}
          aria-label="筛选条件"
          style={{ rowGap: 8, marginBottom: 12 }}
        >
          <Form.Item name="state" label="状态">
            <Select allowClear placeholder="全部" style={{ width: 130 }} options={OPEN_STATES} />
          </Form.Item>
          <Form.Item name="townshipId" label="分中心">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 130 }}
              options={(townships.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
            />
          </Form.Item>
          <Form.Item name="respondentDepartmentId" label="被申请人">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部"
              style={{ width: 200 }}
              options={respondentOptions(departments.data ?? [])}
            />
          </Form.Item>
          <Form.Item name="flag" label="标记">
            <Select allowClear placeholder="全部" style={{ width: 120 }} options={FLAGS} />
          </Form.Item>
        </Form>
        <ApiErrorAlert error={office.error} />
        <CaseTable
          rows={office.data?.items ?? []}
          loading={office.isPending || office.isPlaceholderData}
          label="未结案件"
          testId="office-table"
        />
        <Space style={{ marginTop: 12 }}>
          <Button disabled={!cursors.length} onClick={() => setCursors(cursors.slice(0, -1))}>
            上一页
          </Button>
          <Button
            disabled={!office.data?.nextCursor}
            onClick={() => office.data?.nextCursor && setCursors([...cursors, office.data.nextCursor])}
          >
            下一页
          </Button>
        </Space>
      </Card>
    </>
  );
}
