import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body';

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '输入不合法（字段级说明见 fields）',
  401: '未登录或登录已失效',
  403: '角色无权执行',
  404: '不存在或不在本人数据范围内',
  409: '状态或版本冲突（如并发修改、非法流转）',
  413: '文件过大（单个文件或全案合计超过限制）',
  415: '文件类型不允许（按文件内容识别）',
  416: '请求的字节范围不可满足',
  422: '请求合法但当前无法处理（如幂等键被用于不同内容）',
  423: '账号已临时锁定',
  429: '请求过于频繁',
};

/** Documents the error answers of a route in OpenAPI, all with the common error body. */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(...statuses.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ErrorBodyDto })));
