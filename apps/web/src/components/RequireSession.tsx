import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ACCOUNT_PAGES, canOpen, homeOf } from '../access';
import { ensureSession, session } from '../api/session';
import { useSession } from '../api/use-session';
import { PageLoading } from './PageLoading';

/**
 * The signed-in part of the console. On a reload the access token is gone (memory only): ask the refresh cookie
 * once, then either show the page or go to the login page, remembering where the user was going.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const user = useSession();
  const location = useLocation();
  const [asked, setAsked] = useState(!!user);
  useEffect(() => {
    if (user) return;
    let live = true;
    void ensureSession().finally(() => live && setAsked(true));
    return () => {
      live = false;
    };
  }, [user]);
  if (user) {
    // What the API would refuse everything else for (403 PASSWORD_CHANGE_REQUIRED / TOTP_ENROLMENT_REQUIRED) comes first.
    if (user.credentialChangeRequired && location.pathname !== ACCOUNT_PAGES.password) {
      return <Navigate to={ACCOUNT_PAGES.password} replace />;
    }
    if (!user.credentialChangeRequired && user.totpEnrolmentRequired && location.pathname !== ACCOUNT_PAGES.totp) {
      return <Navigate to={ACCOUNT_PAGES.totp} replace />;
    }
    if (location.pathname !== '/home' && !canOpen(user.user.role, location.pathname) && location.pathname !== '/') {
      return <Navigate to={homeOf(user.user.role)} replace />;
    }
    return <>{children}</>;
  }
  if (!asked) return <PageLoading />;
  const next = location.pathname + location.search;
  return <Navigate to="/login" replace state={{ next, reason: session.endedBecause() }} />;
}

/** `/home`: each role lands on its own page. */
export function RequireRoleFor() {
  const user = useSession();
  return <Navigate to={user ? homeOf(user.user.role) : '/login'} replace />;
}
