import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { validationFailed } from '../http/validation';

/** Path and query parameters fail like bodies do: 400 VALIDATION_FAILED naming the field, in Chinese. */
export const uuidParam = (field = 'id') =>
  new ParseUUIDPipe({ exceptionFactory: () => validationFailed([{ field, message: '编号格式不正确' }]) });

export const optionalIntQuery = (field: string) =>
  new ParseIntPipe({ optional: true, exceptionFactory: () => validationFailed([{ field, message: '必须是整数' }]) });
