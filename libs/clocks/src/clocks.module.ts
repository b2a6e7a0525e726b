import { Global, Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';
import { CalendarChangeHooks } from './calendar-change-hooks';
import { ClockRecomputer } from './clock-recomputer';
import { ClockMoveListeners } from './clock-move-listeners';
import { ClockService } from './clock.service';
import { MilestoneWriter } from './milestone-writer';
import { ReminderScanner } from './reminder-scanner';
import { ReminderPolicyService } from './reminder-policy.service';

@Global()
@Module({
  providers: [CalendarChangeHooks, CalendarService, ClockMoveListeners, ClockRecomputer, ClockService, MilestoneWriter, ReminderScanner, ReminderPolicyService],
  exports: [CalendarChangeHooks, CalendarService, ClockMoveListeners, ClockRecomputer, ClockService, MilestoneWriter, ReminderScanner, ReminderPolicyService],
})
export class ClocksModule {}
