import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The one place that reads the wall clock for deadline work. Tests of legal effects ("deemed accepted at the
 * end of the 5th working day, not before") run a worker at a chosen instant through FUYI_NOW (test mode only).
 */
@Injectable()
export class TimeSource {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  now(): Date {
    return this.config.fixedNow ? new Date(this.config.fixedNow.getTime()) : new Date();
  }
}
