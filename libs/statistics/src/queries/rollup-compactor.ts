import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@fuyi/platform';
import * as Rollup from '../stores/rollup.store';

/**
 * Moves the triggers' ±1 deltas (stat_daily_delta) into the daily and monthly sums (stat_daily, stat_monthly). Reads are exact with or without it
 * (they add both tables); it keeps the delta table short. A sum that falls to 0 stays as a row (reads drop all-zero rows). Run by the worker (job statistics.compact); a second caller
 * while one runs returns 0 at once.
 */
@Injectable()
export class RollupCompactor {
  constructor(private readonly uow: UnitOfWork) {}

  async compact(batch = 50_000): Promise<number> {
    return this.uow.run(async (m) => {
      if (!(await Rollup.tryLockCompaction(m))) return 0;
      return Rollup.compactDeltas(m, batch);
    });
  }
}
