import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { DomainError, type Actor } from '@fuyi/kernel';
import { APP_CONFIG, AuthService, TotpService, type AppConfig, type TokenPair } from '@fuyi/platform';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { ChangePasswordDto, LoginDto, RefreshDto, TotpConfirmDto, TotpEnrolDto } from '../dto/auth.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { clearRefreshCookie, refreshCookieOf, REFRESH_COOKIE, REFRESH_COOKIE_PATH, setRefreshCookie } from '../http/refresh-cookie';

const SETS_COOKIE = {
  'Set-Cookie': {
    description: `${REFRESH_COOKIE}=<刷新令牌>; Path=${REFRESH_COOKIE_PATH}; HttpOnly; SameSite=Strict（https 时另加 Secure）; Max-Age=刷新令牌有效期（秒）`,
    schema: { type: 'string' },
  },
};
const CLEARS_COOKIE = {
  'Set-Cookie': { description: `${REFRESH_COOKIE}=; Path=${REFRESH_COOKIE_PATH}; 立即过期（清除浏览器中的刷新令牌）`, schema: { type: 'string' } },
};

@ApiTags('认证')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly totp: TotpService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The refresh token always goes into the HttpOnly cookie; into the body too unless the client chose the cookie
   * (a browser), so that no script on the page ever holds it.
   */
  private deliver(req: FastifyRequest, reply: FastifyReply, pair: TokenPair, inBody: boolean): Omit<TokenPair, 'refreshToken'> & { refreshToken?: string } {
    setRefreshCookie(req, reply, this.config.authCookieSecure, pair.refreshToken, this.config.refreshTokenTtlSeconds);
    if (inBody) return pair;
    const { refreshToken: _kept, ...rest } = pair;
    return rest;
  }

  @Public() @Post('login') @HttpCode(200) @UseGuards(ThrottlerGuard) @Throttle({ default: {} })
  @ApiOperation({ summary: '登录：返回短期访问令牌和刷新令牌；同一用户名15分钟内尝试5次未成功即锁定15分钟（用户名不存在、密码错误、锁定时答复相同）；已绑定动态验证码的账号须同时提供 totpCode' })
  @ApiErrors(400, 401, 429) @ApiResponse({ status: 200, headers: SETS_COOKIE })
  async login(@Body() dto: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const pair = await this.auth.login(dto.username, dto.password, dto.totpCode);
    return this.deliver(req, reply, pair, dto.refreshTokenIn !== 'cookie');
  }

  @Post('totp/enrol') @HttpCode(200) @ApiBearerAuth()
  @ApiOperation({ summary: '申请绑定动态验证码（TOTP）：须提供当前密码；返回 otpauth 链接（只显示这一次，用验证器扫码），再用验证码确认后生效' })
  @ApiErrors(400, 401, 409)
  enrolTotp(@CurrentActor() actor: Actor, @Body() dto: TotpEnrolDto) {
    return this.totp.enrol(actor, dto.password);
  }

  @Post('totp/confirm') @HttpCode(204) @ApiBearerAuth()
  @ApiOperation({ summary: '确认绑定动态验证码：提交验证器显示的6位验证码；此后登录须提供动态验证码' })
  @ApiErrors(400, 401, 409, 422)
  async confirmTotp(@CurrentActor() actor: Actor, @Body() dto: TotpConfirmDto): Promise<void> {
    await this.totp.confirm(actor, dto.code);
  }

  @Public() @Post('refresh') @HttpCode(200) @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary:
      '用刷新令牌换取新的令牌（旧刷新令牌随即失效；再次使用已换过的刷新令牌将结束整个会话）。请求体不含 refreshToken 时使用 HttpOnly Cookie ' +
      `${REFRESH_COOKIE}（浏览器），此时应答不含 refreshToken，新的刷新令牌只写入 Cookie`,
  })
  @ApiErrors(400, 401, 429) @ApiResponse({ status: 200, headers: SETS_COOKIE })
  async refresh(@Body() dto: RefreshDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const token = dto.refreshToken ?? refreshCookieOf(req);
    if (!token) {
      throw new DomainError('VALIDATION_FAILED', '请提供刷新令牌', 'invalid', {
        fields: [{ field: 'refreshToken', message: '请在请求体中提供 refreshToken，或由浏览器携带登录时设置的 Cookie' }],
      });
    }
    try {
      return this.deliver(req, reply, await this.auth.refresh(token), dto.refreshToken !== undefined);
    } catch (e) {
      // A cookie that no longer works (expired, revoked, replayed: 401) is removed, so the browser stops sending it; an
      // outage (500, 503) keeps it, so a brief database failure does not sign every browser out.
      const refused = e instanceof DomainError && e.kind === 'unauthenticated';
      if (dto.refreshToken === undefined && refused) clearRefreshCookie(req, reply, this.config.authCookieSecure);
      throw e;
    }
  }

  @Post('password') @HttpCode(204) @ApiBearerAuth()
  @ApiOperation({ summary: '修改本人密码：须提供当前密码；新密码须符合密码策略；本账号其他会话随即失效' })
  @ApiErrors(400, 401)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @Post('logout') @HttpCode(204) @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录：本会话的令牌立即失效，并清除浏览器中的刷新 Cookie' })
  @ApiErrors(401) @ApiResponse({ status: 204, headers: CLEARS_COOKIE })
  async logout(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    clearRefreshCookie(req, reply, this.config.authCookieSecure);
  }

  @Post('logout-all') @HttpCode(204) @ApiBearerAuth()
  @ApiOperation({ summary: '在所有设备上退出：本账号的全部会话（含本会话）立即失效，并清除本浏览器中的刷新 Cookie（设备丢失或借用后使用）' })
  @ApiErrors(401) @ApiResponse({ status: 204, headers: CLEARS_COOKIE })
  async logoutAll(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logoutEverywhere(actor);
    clearRefreshCookie(req, reply, this.config.authCookieSecure);
  }

  @Get('me') @ApiBearerAuth() @ApiOperation({ summary: '当前用户' }) @ApiErrors(401)
  me(@CurrentActor() actor: Actor) {
    // The same user shape as login's `user` (one naming: `id` is the user's own id).
    return {
      id: actor.userId, username: actor.username, role: actor.role, townshipId: actor.townshipId,
      credentialChangeRequired: !!actor.mustChangePassword, totpEnrolmentRequired: !!actor.totpEnrolmentRequired,
    };
  }
}
