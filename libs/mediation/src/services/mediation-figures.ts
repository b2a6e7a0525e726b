import type { Actor, IsoDate } from '@fuyi/kernel';
import type { SqlRunner } from '@fuyi/platform';
import { DUE_SOON_DAYS, workListConditions, type WorkListDue } from './work-list-filter';
import { countFilesEach } from '../stores/file-views.store';

/**
 * A mediator's home figures (issue 16 item 5), each the row count of 我的调解 (GET /mediation/work-list) with a
 * filter, counted with that list's own conditions (`workListConditions`).
 */
export const MEDIATION_FIGURE_KEYS = ['mediationMine', 'mediationDueSoon'] as const;
export type MediationFigureKey = (typeof MEDIATION_FIGURE_KEYS)[number];

const FIGURES: Record<MediationFigureKey, { label: string; definition: string; due?: WorkListDue }> = {
  mediationMine: { label: '我的在办调解', definition: '本人为现任调解员、尚在调解中的案件数（已分配、调解中、已达成协议待确认、撤回待确认）' },
  mediationDueSoon: {
    label: '调解期限将届满或已届满',
    definition: `本人在办调解案件中，调解期限在今天起${DUE_SOON_DAYS}日内届满或已经届满的案件数`,
    due: 'soon',
  },
};

/** The figures as one statement of scalar subqueries (one round trip). */
export async function mediationFigures(db: SqlRunner, actor: Actor, today: IsoDate) {
  const params: unknown[] = [];
  const conditions = MEDIATION_FIGURE_KEYS.map((key) => workListConditions(actor, FIGURES[key].due, today, params));
  const counts = await countFilesEach(db, conditions, params);
  return MEDIATION_FIGURE_KEYS.map((key, i) => ({ key, label: FIGURES[key].label, definition: FIGURES[key].definition, count: counts[i] }));
}
