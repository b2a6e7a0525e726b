import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, pgRunner, type AppConfig } from '@fuyi/platform';
import { takeNextNumber } from '../stores/case-numbers.store';

/**
 * Case numbers without a district-wide queue (issue 15 item 2).
 *
 * The per-year counter row used to be incremented inside the registration's transaction, so its row lock was held until
 * that transaction committed (fsync included) and every registration of the district waited for the one before it.
 * Here the number is taken in a transaction of its own, committed at once, on a small pool of its own (a registration
 * already holds a connection of the main pool; borrowing a second one from that pool could deadlock it under load).
 *
 * Durability: the counter's commit is asynchronous (`synchronous_commit = off`). That is safe because the registration
 * commits synchronously afterwards, and flushing its commit record flushes every earlier WAL record, the counter's
 * included: a stored case always implies a stored counter. A crash can lose only counter values whose cases were never
 * stored, and those numbers are then simply handed out again.
 *
 * Gaps: a registration that fails after taking its number (bad input found late, a lost connection) leaves that number
 * unused. Numbers stay unique and increasing per year, not gap-free; the gaps are listed for the office by
 * `CaseNumberGaps` (the numbers between 1 and the counter that no case holds) — see libs/cases/README.md.
 */
@Injectable()
export class CaseNumberAllocator implements OnModuleDestroy {
  private readonly logger = new Logger(CaseNumberAllocator.name);
  private pool: Pool | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The next number of the year, committed on return. */
  async next(year: number): Promise<number> {
    return takeNextNumber(pgRunner(this.connection()), year);
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }

  /** Created on first use: the worker and the CLI never register and so never open it. */
  private connection(): Pool {
    if (!this.pool) {
      this.pool = new Pool({
        connectionString: this.config.databaseUrl, max: 2, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000,
        options: '-c synchronous_commit=off', application_name: 'fuyi-case-numbers',
      });
      // An idle connection dropped by the server (restart, terminate) must not crash the process; the next query reconnects.
      this.pool.on('error', (e) => this.logger.warn(`case-number connection lost: ${e.message}`));
    }
    return this.pool;
  }
}
