import { useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { canOpen, homeOf } from '../access';
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
