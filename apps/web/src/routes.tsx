import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { PageLoading } from './components/PageLoading';
import { RequireSession, RequireRoleFor } from './components/RequireSession';

/** Each area is its own chunk: a township clerk's browser never downloads the head's pages (issue 13 item 10). */
const page = (load: () => Promise<{ default: ComponentType }>) => {
  const Page: LazyExoticComponent<ComponentType> = lazy(load);
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
};

const BasicLayout = lazy(() => import('./layouts/BasicLayout'));

export const router = createBrowserRouter([
  { path: '/login', element: page(() => import('./pages/login/LoginPage')) },
  // Public, no login, phone first (item 9).
  { path: '/status', element: page(() => import('./pages/public/StatusLookupPage')) },
  {
    element: (
      <RequireSession>
        <Suspense fallback={<PageLoading />}>
          <BasicLayout />
        </Suspense>
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/home" replace /> },
      { path: '/home', element: <RequireRoleFor /> },
      { path: '/counter', element: page(() => import('./pages/counter/CounterHomePage')) },
      { path: '/register', element: page(() => import('./pages/counter/RegisterApplicationPage')) },
      { path: '/consultations', element: page(() => import('./pages/counter/ConsultationsPage')) },
      { path: '/intake', element: page(() => import('./pages/intake/IntakeQueuePage')) },
      { path: '/intake/:caseId', element: page(() => import('./pages/intake/AcceptanceReviewPage')) },
      { path: '/work/my-queue', element: page(() => import('./pages/cases/MyQueuePage')) },
      { path: '/assignment', element: page(() => import('./pages/chief/AssignmentPage')) },
      { path: '/approvals', element: page(() => import('./pages/chief/ApprovalsPage')) },
      { path: '/mediation', element: page(() => import('./pages/mediation/MediationHomePage')) },
      { path: '/liaison', element: page(() => import('./pages/liaison/LiaisonHomePage')) },
      { path: '/admin/users', element: page(() => import('./pages/admin/UsersPage')) },
      { path: '/audit', element: page(() => import('./pages/audit/AuditPage')) },
      { path: '/security', element: page(() => import('./pages/security/SecurityPolicyPage')) },
      { path: '*', element: page(() => import('./pages/NotFoundPage')) },
    ],
  },
]);
