import { CalendarDayEntity } from './calendar-day.entity';
import { CalendarYearEntity } from './calendar-year.entity';
import { CalendarVersionEntity } from './calendar-version.entity';
import { CaseClockEntity } from './case-clock.entity';
import { NotificationEntity } from './notification.entity';
import { ClockMilestoneEntity } from './clock-milestone.entity';
import { ReminderEntity } from './reminder.entity';
import { ReminderPolicyEntity } from './reminder-policy.entity';

export * from './calendar.service';
export * from './clock.service';
export * from './clock-recomputer';
export * from './clock-math';
export * from './milestone-plan';
export * from './milestone-writer';
export * from './reminder-scanner';
export * from './clocks.module';
export * from './case-clock.entity';
export const CLOCKS_ENTITIES = [CalendarDayEntity, CalendarYearEntity, CalendarVersionEntity, CaseClockEntity, NotificationEntity, ClockMilestoneEntity, ReminderEntity, ReminderPolicyEntity];
