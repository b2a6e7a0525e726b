import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import type { Actor } from '@fuyi/kernel';
import { AuthService, TotpService } from '@fuyi/platform';
import { CurrentActor, Public } from '../auth/auth.decorators';
import { ChangePasswordDto, LoginDto, RefreshDto, TotpConfirmDto, TotpEnrolDto } from '../dto/auth.dto';
import { ApiErrors } from '../http/api-errors.decorator';

@ApiTags('认证')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService, private readonly totp: TotpService) {}

  @Public() @Post('login') @HttpCode(200) @UseGuards(ThrottlerGuard) @Throttle({ default: {} })
  @ApiOperation({ summary: '登录：返回短期访问令牌和刷新令牌；同一用户名15分钟内尝试5次未成功即锁定15分钟（用户名不存在、密码错误、锁定时答复相同）；已绑定动态验证码的账号须同时提供 totpCode' })
  @ApiErrors(400, 401, 429)
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto.username, dto.password, dto.totpCode);
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
  @ApiOperation({ summary: '用刷新令牌换取新的令牌（旧刷新令牌随即失效；再次使用已换过的刷新令牌将结束整个会话）' })
  @ApiErrors(400, 401, 429)
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('password') @HttpCode(204) @ApiBearerAuth()
  @ApiOperation({ summary: '修改本人密码：须提供当前密码；新密码须符合密码策略；本账号其他会话随即失效' })
  @ApiErrors(400, 401)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @Post('logout') @HttpCode(204) @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录：本会话的令牌立即失效' })
  @ApiErrors(401)
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
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
