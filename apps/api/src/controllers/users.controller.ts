import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { uuidParam } from './params';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, type Actor } from '@fuyi/kernel';
import { UsersService } from '@fuyi/platform';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ChangeRoleDto, CreateUserDto, ResetPasswordDto, UpdateUserDto } from '../dto/auth.dto';
import { ApiErrors } from '../http/api-errors.decorator';
import { ApiPaging, limitQuery } from './paging';

@ApiTags('用户管理')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get() @Roles(Role.Admin, Role.SecurityAdmin) @ApiOperation({ summary: '用户列表（系统管理员、安全管理员），按用户名排序' })
  @ApiErrors(400, 401, 403) @ApiPaging(100, 500)
  list(@CurrentActor() actor: Actor, @Query('limit') limit?: string, @Query('cursor') cursor?: string) {
    return this.users.list(actor, limitQuery(limit, 100, 500), cursor);
  }

  @Post() @ApiOperation({ summary: '新建用户：密码须符合密码策略，用户首次登录须修改；不能新建系统管理员或安全审计员账号（三员分立）' }) @ApiErrors(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Post(':id/reset-password') @HttpCode(200)
  @ApiOperation({ summary: '重置用户密码（临时密码，用户下次登录须修改；其所有会话立即失效）；不适用于系统管理员和安全审计员账号' })
  @ApiErrors(400, 401, 403, 404, 422)
  resetPassword(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ResetPasswordDto) {
    return this.users.resetPassword(actor, id, dto.password);
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改用户的姓名、所属街乡镇（仅分中心接待员）和科室；须带版本号；不适用于系统管理员、安全管理员和安全审计员账号（三员分立）；角色由安全管理员变更' })
  @ApiErrors(400, 401, 403, 404, 409)
  update(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Put(':id/role') @Roles(Role.SecurityAdmin)
  @ApiOperation({ summary: '变更用户角色（仅安全管理员，三员分立）：不能变更本人角色，不能变更或授予系统管理员、安全管理员、安全审计员角色；该用户的会话随即失效' })
  @ApiErrors(400, 401, 403, 404, 409)
  changeRole(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string, @Body() dto: ChangeRoleDto) {
    return this.users.changeRole(actor, id, dto);
  }

  @Post(':id/deactivate') @ApiOperation({ summary: '停用用户：其所有会话立即失效' }) @ApiErrors(401, 403, 404, 422)
  deactivate(@CurrentActor() actor: Actor, @Param('id', uuidParam()) id: string) {
    return this.users.deactivate(actor, id);
  }
}
