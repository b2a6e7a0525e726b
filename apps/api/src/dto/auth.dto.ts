import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_ID } from './validators';
import { Role } from '@fuyi/kernel';

export class LoginDto {
  @ApiProperty({ example: 'clerk' }) @IsString() @IsNotEmpty() @MaxLength(64) username: string;
  @ApiProperty({ example: 'Fuyi@2026' }) @IsString() @IsNotEmpty() @MaxLength(200) password: string;
  @ApiPropertyOptional({ description: '已绑定动态验证码的账号必填：验证器中的6位动态验证码（每个验证码只能使用一次）', example: '123456' })
  @IsOptional() @IsString() @Matches(/^[0-9]{6}$/, { message: '动态验证码为6位数字' }) totpCode?: string;
  @ApiPropertyOptional({
    enum: ['body', 'cookie'],
    description: '刷新令牌的交付方式：body（不填时的默认，API 客户端）在应答中返回 refreshToken；cookie（浏览器）只放在 HttpOnly Cookie 中，应答不含 refreshToken。两种方式都会设置该 Cookie',
  })
  @IsOptional() @IsIn(['body', 'cookie'], { message: 'refreshTokenIn 只能为 body 或 cookie' }) refreshTokenIn?: 'body' | 'cookie';
}

export class TotpEnrolDto {
  @ApiProperty({ description: '当前密码（防止他人持令牌绑定）' }) @IsString() @IsNotEmpty() @MaxLength(200) password: string;
}

export class TotpConfirmDto {
  @ApiProperty({ example: '123456' }) @IsString() @Matches(/^[0-9]{6}$/, { message: '动态验证码为6位数字' }) code: string;
}

export class TotpPolicyDto {
  @ApiProperty({ description: '该角色的用户是否必须启用动态验证码' }) @IsBoolean() required: boolean;
}

export class RefreshDto {
  @ApiPropertyOptional({ description: '刷新令牌；不提供时使用 HttpOnly Cookie fuyi_refresh（浏览器）。用 Cookie 刷新时应答不含 refreshToken' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(200) refreshToken?: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 10, description: '10-128 位，至少包含大写、小写、数字、符号中的三类，不得含用户名、不得为常见密码' })
  @IsString() @MinLength(10) @MaxLength(128) newPassword: string;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: 10, description: '临时密码：用户下次登录时须修改' }) @IsString() @MinLength(10) @MaxLength(128) password: string;
}

export class CreateUserDto {
  @ApiProperty() @IsString() @Matches(/^[a-z0-9_.-]{3,64}$/, { message: '用户名为3-64位小写字母、数字或 _ . -' }) username: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) displayName: string;
  @ApiProperty({ enum: Role }) @IsEnum(Role) role: Role;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) townshipId?: number;
  @ApiProperty({ minLength: 10 }) @IsString() @MinLength(10) @MaxLength(200) password: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: Role, description: '新角色；不能是系统管理员、安全管理员或安全审计员' }) @IsEnum(Role) role: Role;
  @ApiPropertyOptional({ description: '分中心接待员必填，其他角色不填' }) @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) townshipId?: number;
  @ApiProperty({ description: '用户记录的版本号（用户列表中的 version）' }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
}

export class UpdateUserDto {
  @ApiProperty({ description: '用户记录的版本号（用户列表中的 version）' }) @IsInt() @Min(1) @Max(MAX_ID) version: number;
  @ApiPropertyOptional({ description: '姓名' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(64) displayName?: string;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '所属街乡镇：只对分中心接待员有意义（不能为其清空，也不能为其他角色指定）' })
  @IsOptional() @IsInt() @Min(1) @Max(MAX_ID) townshipId?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '科室（如 审理一科）；null 表示清空（空白等同未填写，不作修改）' }) @IsOptional() @IsString() @MaxLength(32) section?: string | null;
}
