import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, Route, Routes } from 'react-router';
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

/** The console's routes (declarative: lighter than a data router, and the pages load their own data). */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={page(() => import('./pages/login/LoginPage'))} />
      {/* Public, no login, phone first (item 9). */}
      <Route path="/status" element={page(() => import('./pages/public/StatusLookupPage'))} />
      <Route
        element={
          <RequireSession>
            <Suspense fallback={<PageLoading />}>
              <BasicLayout />
            </Suspense>
          </RequireSession>
        }
      >
        <Route index element={<Navigate to="/home" replace />} />
        <Route path="/home" element={<RequireRoleFor />} />
        <Route path="/counter" element={page(() => import('./pages/counter/CounterHomePage'))} />
        <Route path="/register" element={page(() => import('./pages/counter/RegisterApplicationPage'))} />
        <Route path="/consultations" element={page(() => import('./pages/counter/ConsultationsPage'))} />
        <Route path="/intake" element={page(() => import('./pages/intake/IntakeQueuePage'))} />
        <Route path="/intake/:caseId" element={page(() => import('./pages/intake/AcceptanceReviewPage'))} />
        <Route path="/work/my-queue" element={page(() => import('./pages/cases/MyQueuePage'))} />
        <Route path="/cases/:id" element={page(() => import('./pages/cases/CasePage'))} />
        <Route path="/assignment" element={page(() => import('./pages/chief/AssignmentPage'))} />
        <Route path="/approvals" element={page(() => import('./pages/chief/ApprovalsPage'))} />
        <Route path="/work/office" element={page(() => import('./pages/office/OfficeViewPage'))} />
        <Route path="/statistics" element={page(() => import('./pages/statistics/StatisticsPage'))} />
        <Route path="/notifications" element={page(() => import('./pages/notifications/InboxPage'))} />
        <Route path="/mediation" element={page(() => import('./pages/mediation/MediationHomePage'))} />
        <Route path="/mediation/referrals" element={page(() => import('./pages/mediation/ReferralsPage'))} />
        <Route path="/mediation/files/:id" element={page(() => import('./pages/mediation/FilePage'))} />
        <Route path="/liaison" element={page(() => import('./pages/liaison/LiaisonHomePage'))} />
        <Route path="/liaison/clusters/:id" element={page(() => import('./pages/liaison/ClusterPage'))} />
        <Route path="/liaison/risk-notices" element={page(() => import('./pages/liaison/RiskNoticesPage'))} />
        <Route path="/liaison/risk-notices/:id" element={page(() => import('./pages/liaison/RiskNoticePage'))} />
        <Route path="/liaison/letters" element={page(() => import('./pages/liaison/LettersPage'))} />
        <Route path="/liaison/letters/:id" element={page(() => import('./pages/liaison/LetterPage'))} />
        <Route path="/liaison/lawsuits/:id" element={page(() => import('./pages/liaison/LawsuitPage'))} />
        <Route path="/admin/users" element={page(() => import('./pages/admin/UsersPage'))} />
        <Route path="/admin/calendar" element={page(() => import('./pages/admin/CalendarPage'))} />
        <Route path="/admin/reminder-policies" element={page(() => import('./pages/admin/ReminderPoliciesPage'))} />
        <Route path="/admin/dead-letters" element={page(() => import('./pages/admin/DeadLettersPage'))} />
        <Route path="/audit" element={page(() => import('./pages/audit/AuditPage'))} />
        <Route path="/security" element={page(() => import('./pages/security/SecurityPolicyPage'))} />
        <Route path="/account/password" element={page(() => import('./pages/account/ChangePasswordPage'))} />
        <Route path="/account/totp" element={page(() => import('./pages/account/TotpEnrolmentPage'))} />
        <Route path="*" element={page(() => import('./pages/NotFoundPage'))} />
      </Route>
    </Routes>
  );
}
