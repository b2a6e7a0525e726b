import { Injectable, OnModuleInit, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClockMoveListeners, type ClockMoveListener, type MovedClock, type RecomputeCause } from '@fuyi/clocks';
import { RULES, type RuleId } from '@fuyi/deadlines';
import { Notifier } from '@fuyi/notifications';
import { CaseTimeline } from '../timeline/case-timeline';
import { caseUsers } from '../stores/cases.store';

/**
 * When a calendar change or a counting-rule correction moves a case's clocks: old and new dates on the case's timeline,
 * and its handler (or the registering clerk) told, in the recompute's transaction. Registered with libs/clocks' listeners
 * (which cannot import this library).
 */
@Injectable()
export class ClockMoveRecorder implements OnModuleInit, ClockMoveListener {
  constructor(
    private readonly notifier: Notifier,
    @Optional() private readonly listeners?: ClockMoveListeners,
  ) {}

  onModuleInit(): void {
    this.listeners?.register(this);
  }

  async clocksMoved(m: EntityManager, moved: readonly MovedClock[], cause: RecomputeCause): Promise<void> {
    await CaseTimeline.appendMany(
      m,
      moved.map((x) => ({
        caseId: x.caseId, type: 'clock_recomputed',
        data: { clockId: x.clockId, rule: x.rule, oldDue: x.oldDue, newDue: x.newDue, calendarVersion: cause.calendarVersion, ...(cause.ruleChange ? { ruleChange: cause.ruleChange } : {}) },
      })),
    );
    const cases = await caseUsers(m, [...new Set(moved.map((x) => x.caseId))]);
    const byId = new Map(cases.map((k) => [k.id, k]));
    // One notice per handler per recompute batch, not one per clock: a typhoon closure moving hundreds of clocks must
    // not send a handler hundreds of text messages. The case timelines keep every clock's old and new dates.
    const perUser = new Map<string, string[]>();
    const casesOf = new Map<string, Set<string>>();
    for (const x of moved) {
      const k = byId.get(x.caseId);
      if (!k?.user_id) continue;
      perUser.set(k.user_id, [...(perUser.get(k.user_id) ?? []), `${k.case_number} ${RULES[x.rule as RuleId]?.label ?? x.rule}：${x.oldDue} → ${x.newDue}`]);
      casesOf.set(k.user_id, (casesOf.get(k.user_id) ?? new Set()).add(x.caseId));
    }
    await this.notifier.notify(
      m,
      [...perUser].map(([userId, lines]) => {
        const only = casesOf.get(userId)!;
        return { userId, kind: 'clock_recomputed', title: cause.title, body: noticeBody(lines), caseId: only.size === 1 ? [...only][0]! : null };
      }),
    );
  }
}

const LISTED = 5;

function noticeBody(lines: readonly string[]): string {
  if (lines.length === 1) return lines[0]!;
  const listed = lines.slice(0, LISTED).join('；');
  return lines.length > LISTED ? `${lines.length}个期限已重新计算：${listed}等，详见各案件的办理记录` : `${lines.length}个期限已重新计算：${listed}`;
}

/** Outside the Nest container (a migration, a test): listeners with the cases library's recorder registered. */
export function caseClockMoveListeners(notifier: Notifier): ClockMoveListeners {
  const listeners = new ClockMoveListeners();
  new ClockMoveRecorder(notifier, listeners).onModuleInit();
  return listeners;
}
