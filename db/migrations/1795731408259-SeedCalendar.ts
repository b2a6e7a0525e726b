import type { MigrationInterface, QueryRunner } from 'typeorm';
import { seedCalendarFromPackage } from '@fuyi/clocks';

/**
 * The working-day calendar is reference data every deployment needs, not demo data: loaded with the schema,
 * so a deploy that only runs migrations never starts with an empty calendar (every date provisional).
 * Only when the table is empty; later years are loaded by an administrator (API or CLI) as versioned changes.
 */
export class SeedCalendar1795731408259 implements MigrationInterface {
  name = 'SeedCalendar1795731408259';

  public async up(q: QueryRunner): Promise<void> {
    await seedCalendarFromPackage(q);
  }

  public async down(): Promise<void> {
    // Calendar rows may have been edited since; removing them is an administrator's decision, not a rollback's.
  }
}
