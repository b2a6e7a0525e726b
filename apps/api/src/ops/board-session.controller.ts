import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Role, type Actor } from '@fuyi/kernel';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/api-errors.decorator';
import { BOARD_PATH, BOARD_SESSION_SECONDS, BoardSessionService } from './board-session.service';

@ApiTags('运维')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('admin')
export class BoardSessionController {
  constructor(private readonly sessions: BoardSessionService) {}

  @Post('queues-session') @HttpCode(200)
  @ApiOperation({
    summary: '打开队列看板：设置 15 分钟有效的 HttpOnly Cookie（仅 /api/admin/queues 可用），随后在浏览器中访问 /api/admin/queues',
    description: '令牌不放在网址中（会进入日志）。退出登录或账号停用后该 Cookie 立即失效。',
  })
  @ApiErrors(401, 403)
  async open(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply) {
    const token = await this.sessions.open(actor);
    void reply.header('set-cookie', this.sessions.cookie(token)).header('cache-control', 'no-store');
    return { url: BOARD_PATH, expiresIn: BOARD_SESSION_SECONDS };
  }
}
