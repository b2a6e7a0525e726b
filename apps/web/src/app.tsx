import { ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/errors';
import { AppRoutes } from './routes';

dayjs.locale('zh-cn');

/** A 4xx is an answer (show it), not a glitch: only network failures and 5xx are retried, once. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, e) => count < 1 && !(e instanceof ApiError && e.status >= 400 && e.status < 500),
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});

/**
 * The office blue, and text dark enough for WCAG AA contrast (4.5:1) on white and on the grey page background:
 * Ant Design's default secondary text (45 % black) and link blue fall short of it.
 */
const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1a4fa0',
    colorLink: '#1a4fa0',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 4,
  },
};

/**
 * Providers in Ant Design Pro's order: locale and theme, then data, then routes (each route loads the user it needs).
 * Ant Design's <App> (message, modal, notification) wraps the signed-in layout only, so the first page does not load it.
 */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
