import type { EntityManager } from 'typeorm';
import { conditionalUpdate } from '@fuyi/platform';
import { LiaisonErrors, type LiaisonSubject } from './liaison-errors';

const TABLE: Record<LiaisonSubject, string> = { notice: 'liaison_risk_notices', letter: 'liaison_letters', lawsuit: 'liaison_lawsuits' };

export interface RowMove {
  subject: LiaisonSubject;
  id: string;
  expectedVersion: number;
  /** States the row must be in (null: any). */
  from: readonly string[] | null;
  /** Columns to set (snake_case names chosen by code, never by the client). */
  set: Record<string, unknown>;
  /** For the 409 message: what the caller tried (批准, 登记签收…). */
  what: string;
  labels: Record<string, string>;
}

/**
 * Optimistic, state-checked update of one liaison row: UPDATE … WHERE version = expected AND state IN from.
 * Zero rows becomes 404 (gone), 409 …_VERSION_CONFLICT or 409 …_ILLEGAL_TRANSITION with the current state.
 */
export function moveRow<T = Record<string, any>>(m: EntityManager, mv: RowMove): Promise<T> {
  return conditionalUpdate<T>(
    m,
    {
      table: TABLE[mv.subject],
      id: mv.id,
      expectedVersion: mv.expectedVersion,
      inStates: mv.from ?? undefined,
      set: mv.set,
      returning: '*',
    },
    {
      notFound: () => LiaisonErrors.notFound(mv.subject),
      versionConflict: (expected, current) => LiaisonErrors.versionConflict(mv.subject, expected, current),
      wrongState: (state) => LiaisonErrors.illegalTransition(mv.subject, state, mv.labels[state] ?? state, mv.what),
    },
  );
}
