import { Spin } from 'antd';

export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 64 }} role="status" aria-live="polite">
      <Spin tip="正在加载…" size="large">
        <div style={{ width: 120, height: 60 }} />
      </Spin>
    </div>
  );
}
