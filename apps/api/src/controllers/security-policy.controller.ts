import { Body, Controller, Get, Param, ParseEnumPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type Actor } from '@fuyi/kernel';
import { TotpService } from '@fuyi/platform';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { TotpPolicyDto } from '../dto/auth.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { validationFailed } from '../http/validation';

const roleParam = () => new ParseEnumPipe(Role, { exceptionFactory: () => validationFailed([{ field: 'role', message: '角色不存在' }]) });

/** 三员: security settings are the security administrator's (issue 14 items 1 and 4). */
@ApiTags('安全策略')
@ApiBearerAuth()
@Roles(Role.SecurityAdmin)
@Controller('security')
export class SecurityPolicyController {
  constructor(private readonly totp: TotpService) {}

  @Get('totp-policy') @ApiOperation({ summary: '各角色是否必须启用动态验证码（安全管理员）' }) @ApiErrors(401, 403)
  totpPolicy() {
    return this.totp.requiredRoles();
  }

  @Put('totp-policy/:role')
  @ApiOperation({ summary: '设置某角色是否必须启用动态验证码：该角色未绑定的用户下次请求起须先绑定（安全管理员）' })
  @ApiErrors(400, 401, 403)
  setTotpPolicy(@CurrentActor() actor: Actor, @Param('role', roleParam()) role: Role, @Body() dto: TotpPolicyDto) {
    return this.totp.setRequired(actor, role, dto.required);
  }
}
