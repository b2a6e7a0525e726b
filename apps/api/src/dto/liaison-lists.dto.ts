import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { CLUSTER_STATE_LABELS, LETTER_STATE_LABELS, NOTICE_STATE_LABELS } from '@fuyi/liaison';

/**
 * `?state=` of a list: an unknown state is a mistake to name (400, field `state`, the allowed states listed), never an
 * empty list that looks like "nothing there".
 */
const StateFilter = (labels: Record<string, string>): PropertyDecorator => {
  const decorators = [
    ApiPropertyOptional({ enum: Object.keys(labels), description: Object.entries(labels).map(([k, l]) => `${k} ${l}`).join('；') }),
    IsOptional(),
    IsIn(Object.keys(labels), { message: `应为以下之一：${Object.entries(labels).map(([k, l]) => `${k}（${l}）`).join('、')}` }),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

class Limited {
  @ApiPropertyOptional({ description: '条数，1-200，默认50', example: '50' }) @IsOptional() @IsString() limit?: string;
}

export class NoticeListQuery extends Limited {
  @StateFilter(NOTICE_STATE_LABELS) state?: string;
}

export class LetterListQuery extends Limited {
  @StateFilter(LETTER_STATE_LABELS) state?: string;
}

export class ClusterListQuery extends Limited {
  @StateFilter(CLUSTER_STATE_LABELS) state?: string;
}
