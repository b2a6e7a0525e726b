import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from '@fuyi/kernel';

/** Per-request facts that audit rows and logs need, without threading them through every call. */
export interface RequestContextData {
  requestId: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  requestId(): string | null {
    return storage.getStore()?.requestId ?? null;
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
