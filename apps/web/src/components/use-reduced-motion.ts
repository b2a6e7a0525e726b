import { useSyncExternalStore } from 'react';

/** The user's operating-system or browser setting "reduce motion" (WCAG 2.3.3: animation from interactions can be turned off). */
export const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

function mediaQuery(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(REDUCED_MOTION_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const mql = mediaQuery();
  if (!mql) return () => {};
  // Followed while the console is open: the setting can be switched without a reload.
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
}

const current = () => mediaQuery()?.matches ?? false;

/** Whether the user asked for reduced motion; re-renders when the setting changes. */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, current, () => false);
}
