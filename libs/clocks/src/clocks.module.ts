import { Global, Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';
import { ClockRecomputer } from './clock-recomputer';
import { ClockService } from './clock.service';
import { MilestoneWriter } from './milestone-writer';
import { ReminderScanner } from './reminder-scanner';

@Global()
@Module({
  providers: [CalendarService, ClockRecomputer, ClockService, MilestoneWriter, ReminderScanner],
  exports: [CalendarService, ClockRecomputer, ClockService, MilestoneWriter, ReminderScanner],
})
export class ClocksModule {}
