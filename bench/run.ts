/** `npm run bench`: every benchmark, each reporting its figures against a baseline measured in the same run. */
import { run as deadlines } from './deadlines.bench';
import { run as recompute } from './clocks-recompute.bench';
import { run as reminders } from './reminders.bench';
import { run as workViews } from './work-views.bench';
import { run as groupDisputes } from './group-disputes.bench';
import { run as intake } from './intake.bench';
import { run as calendarChange } from './calendar-change.bench';
import { run as statistics } from './statistics.bench';

async function main(): Promise<void> {
  const only = process.argv[2];
  const all: Record<string, () => Promise<Record<string, unknown>>> = {
    deadlines, 'clocks-recompute': recompute, reminders, 'work-views': workViews, 'group-disputes': groupDisputes, intake, 'calendar-change': calendarChange, statistics,
  };
  for (const [name, bench] of Object.entries(all)) {
    if (only && only !== name) continue;
    console.log(`\n== ${name}`);
    console.log(JSON.stringify(await bench(), null, 2));
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
