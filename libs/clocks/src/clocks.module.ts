import { Global, Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';
import { ClockRecomputer } from './clock-recomputer';
import { ClockService } from './clock.service';

@Global()
@Module({ providers: [CalendarService, ClockRecomputer, ClockService], exports: [CalendarService, ClockRecomputer, ClockService] })
export class ClocksModule {}
