import './counter.css';
import { useState } from 'react';
import { Alert, Button, Flex, Result, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../api/errors';
import { useCategories, useDepartments } from '../../api/reference';
import { MY_FIGURES_KEY } from '../../api/queries';
import { PageLoading } from '../../components/PageLoading';
import { APPLICATIONS_KEY, registerApplication, type Registration } from './api';
import { Receipt } from './Receipt';
import { RegistrationForm } from './RegistrationForm';

/**
 * 登记复议申请 → 打印回执. The receipt (with the query code, shown this once) lives in this page's memory only: never in
 * the URL, the history state or Web Storage. "登记下一件" opens a fresh form, with a fresh Idempotency-Key.
 */
export default function RegisterApplicationPage() {
  const departments = useDepartments();
  const categories = useCategories();
  const [registered, setRegistered] = useState<Registration | null>(null);
  const [formInstance, setFormInstance] = useState(0);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  if (registered) {
    return (
      <>
        <div className="fuyi-no-print">
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            登记完成
          </Typography.Title>
          <Result
            status="success"
            title={`已登记，案件编号 ${registered.caseNumber}`}
            subTitle={`受理审查期限 ${registered.acceptanceDue}（5个工作日，《行政复议法》第三十条）。请打印回执交申请人，查询码只显示这一次。`}
            style={{ padding: '16px 0' }}
            extra={
              <Flex gap={12} justify="center" wrap>
                <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} autoFocus data-testid="print-receipt">
                  打印回执
                </Button>
                <Button
                  onClick={() => {
                    setRegistered(null);
                    setFormInstance((n) => n + 1);
                  }}
                >
                  登记下一件
                </Button>
                <Button onClick={() => void navigate('/counter')}>返回本分中心申请列表</Button>
              </Flex>
            }
          />
          {registered.replayed && (
            <Alert type="info" showIcon title="这份申请此前已经登记过，以下是当时的登记结果，没有重复立案。" style={{ marginBottom: 16 }} />
          )}
        </div>
        <Receipt receipt={registered.receipt} />
      </>
    );
  }

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        登记复议申请
      </Typography.Title>
      {departments.isError || categories.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(departments.error ?? categories.error)} />
      ) : !departments.data || !categories.data ? (
        <PageLoading />
      ) : (
        <RegistrationForm
          key={formInstance}
          departments={departments.data}
          categories={categories.data}
          submit={registerApplication}
          onRegistered={(r) => {
            setRegistered(r);
            void queryClient.invalidateQueries({ queryKey: APPLICATIONS_KEY });
            void queryClient.invalidateQueries({ queryKey: MY_FIGURES_KEY });
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </>
  );
}
