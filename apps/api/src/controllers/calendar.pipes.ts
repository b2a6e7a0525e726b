import { Injectable, PipeTransform } from '@nestjs/common';
import { isIsoDate } from '@fuyi/kernel';
import { validationFailed } from '../http/validation';

@Injectable()
export class YearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = Number(value);
    if (!/^\d{4}$/.test(value) || year < 1990 || year > 2100) throw validationFailed([{ field: 'year', message: '年度应为 1990-2100 的四位数字' }]);
    return year;
  }
}

@Injectable()
export class IsIsoDayPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isIsoDate(value)) throw validationFailed([{ field: 'date', message: '日期格式应为 YYYY-MM-DD，且须为有效日期' }]);
    return value;
  }
}
