import { useSyncExternalStore } from 'react';
import { session } from './session';

/** The signed-in user (or null), re-rendering on sign-in, refresh and sign-out. */
export function useSession() {
  return useSyncExternalStore(session.subscribe, session.current, session.current);
}
