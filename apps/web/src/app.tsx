import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/errors';
import { ConsoleConfig } from './components/ConsoleConfig';
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
 * Providers in Ant Design Pro's order: locale and theme (ConsoleConfig), then data, then routes (each route loads the user it needs).
 * Ant Design's <App> (message, modal, notification) wraps the signed-in layout only, so the first page does not load it.
 */
export function App() {
  return (
    <ConsoleConfig>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </ConsoleConfig>
  );
}
