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
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: '条数，1-200，默认50' }) @IsOptional() @IsString() limit?: string;
}

/** A list that pages: `cursor` is the previous page's nextCursor. */
class Paged extends Limited {
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' }) @IsOptional() @IsString() cursor?: string;
}

export class NoticeListQuery extends Paged {
  @StateFilter(NOTICE_STATE_LABELS) state?: string;
}

export class LetterListQuery extends Paged {
  @StateFilter(LETTER_STATE_LABELS) state?: string;
}

export class ClusterListQuery extends Paged {
  @StateFilter(CLUSTER_STATE_LABELS) state?: string;
}
