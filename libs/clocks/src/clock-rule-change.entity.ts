import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A correction of a counting rule applied to the open clocks once (like a calendar version, for the rule itself):
 * which change, why, how many clocks moved, when. The row makes the recompute idempotent.
 */
@Entity('clock_rule_changes')
export class ClockRuleChangeEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'calendar_version', type: 'integer' })
  calendarVersion: number;

  @Column({ name: 'clocks_recomputed', type: 'integer' })
  clocksRecomputed: number;

  /** Up to a few moved clocks (case number, rule, old → new), for the record. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  examples: Array<{ caseNumber: string; rule: string; oldDue: string; newDue: string }>;

  @CreateDateColumn({ name: 'applied_at', type: 'timestamptz' })
  appliedAt: Date;
}
