import { Controller, Get, HttpCode, Param, Post, Query, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Role, type Actor } from '@fuyi/kernel';
import { DeliveryService, InboxService } from '@fuyi/notifications';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { validationFailed } from '../http/validation';
import { ApiPaging, boundedLimit } from './paging';

/** Notification and delivery ids are bigserials, sent as decimal strings (18 digits at most: within bigint). */
const BIGINT_ID = /^\d{1,18}$/;

const bigintId = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || !BIGINT_ID.test(value)) throw validationFailed([{ field, message: '编号格式不正确' }]);
  return value;
};

const bigintIdParam = (field = 'id'): PipeTransform<unknown, string> => ({ transform: (value) => bigintId(value, field) });

const optionalBigintId = (value: unknown, field: string): string | undefined => (value === undefined ? undefined : bigintId(value, field));

function optionalBoolean(value: unknown, field: string): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw validationFailed([{ field, message: '必须是 true 或 false' }]);
}

const limitOf = (limit: unknown): number => boundedLimit(limit === undefined ? 50 : Number(limit));

@ApiTags('站内通知')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly inbox: InboxService, private readonly deliveries: DeliveryService) {}

  @Get('notifications')
  @ApiOperation({ summary: '本人的站内通知（新到旧，按游标分页）' }) @ApiErrors(400, 401)
  @ApiQuery({ name: 'unreadOnly', required: false, enum: ['true', 'false'] })
  @ApiPaging(50)
  list(@CurrentActor() actor: Actor, @Query('unreadOnly') unreadOnly?: unknown, @Query('limit') limit?: unknown, @Query('cursor') cursor?: unknown) {
    return this.inbox.list(actor.userId, {
      unreadOnly: optionalBoolean(unreadOnly, 'unreadOnly'),
      limit: limitOf(limit),
      cursor: optionalBigintId(cursor, 'cursor'),
    });
  }

  @Get('notifications/unread-count')
  @ApiOperation({ summary: '本人的未读通知数' }) @ApiErrors(401)
  async unreadCount(@CurrentActor() actor: Actor) {
    return { count: await this.inbox.unreadCount(actor.userId) };
  }

  @Post('notifications/read-all') @HttpCode(200)
  @ApiOperation({ summary: '将本人的全部通知标为已读' }) @ApiErrors(401)
  readAll(@CurrentActor() actor: Actor) {
    return this.inbox.markAllRead(actor.userId);
  }

  @Post('notifications/:id/read') @HttpCode(200)
  @ApiOperation({ summary: '将一条通知标为已读（重复标记不改变首次阅读时间）' }) @ApiErrors(400, 401, 404)
  read(@CurrentActor() actor: Actor, @Param('id', bigintIdParam()) id: string) {
    return this.inbox.markRead(actor.userId, id);
  }

  @Get('deliveries/dead-letters') @Roles(Role.Admin)
  @ApiOperation({ summary: '投递失败（已放弃重试）的短信、邮件、Webhook 通知，新到旧；不含通知正文' }) @ApiErrors(400, 401, 403)
  @ApiPaging(50)
  deadLetters(@Query('limit') limit?: unknown, @Query('cursor') cursor?: unknown) {
    return this.deliveries.deadLetters(limitOf(limit), optionalBigintId(cursor, 'cursor'));
  }
}
