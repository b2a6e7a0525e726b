import { HTTP_FALLBACK } from '../http/domain-error.filter';
import { MAX_JSON_DEPTH } from '../http/json-depth';

type Codes = Record<string, string>;
/** What the document builder knows of an operation: behind the bearer token, with input, limited to some roles. */
export interface OperationKind {
  secured: boolean;
  takesInput: boolean;
  takesBody: boolean;
  roles: boolean;
  /** The case gate in front of /cases/:id routes (auth/case-access.guard.ts caseGate). */
  caseScope?: boolean;
  /** The gate checks the handler, and a reconsideration clerk may call the route. */
  caseHandler?: boolean;
}

/**
 * Codes a route answers because of what kind of route it is, whatever it does (auth/auth.guard.ts, the global
 * ValidationPipe and shared pipes, the body parser and json-depth.ts), by status. Listed under each status the route
 * declares; what a route answers because of what it does is in error-codes.ts.
 */
export function genericCodes(status: number, kind: OperationKind): Codes {
  switch (status) {
    case 400:
      return {
        // A path or query that cannot be decoded, a body that is not JSON: BAD_REQUEST before any pipe runs.
        ...(kind.takesInput ? { VALIDATION_FAILED: '填写有误', BAD_REQUEST: HTTP_FALLBACK[400][1] } : {}),
        ...(kind.takesBody ? { JSON_TOO_DEEP: `提交的内容嵌套层数过多（最多 ${MAX_JSON_DEPTH} 层）` } : {}),
      };
    case 401:
      return kind.secured
        ? {
            AUTH_REQUIRED: '请先登录',
            AUTH_TOKEN_INVALID: '登录凭证无效或已过期，请重新登录',
            AUTH_SESSION_ENDED: '登录已失效，请重新登录',
          }
        : {};
    case 403:
      return kind.secured
        ? {
            PASSWORD_CHANGE_REQUIRED: '首次登录或密码被重置后，请先修改密码',
            TOTP_ENROLMENT_REQUIRED: '您所在角色要求启用动态验证码，请先绑定验证器（POST /api/auth/totp/enrol）',
            ...(kind.roles ? { FORBIDDEN_ROLE: '当前角色无权执行此操作' } : {}),
            ...(kind.caseHandler ? { CASE_NOT_HANDLER: '您不是本案承办人；只有本案承办人、科长或机构负责人可以办理本案' } : {}),
          }
        : {};
    case 404:
      return kind.caseScope ? { CASE_NOT_FOUND: '案件不存在或无权查看' } : {};
    default:
      return {};
  }
}

/** Errors any route may meet, documented once under `default` rather than per route (size, type, rate, outage). */
export const DEFAULT_CODES: Record<number, Codes> = {
  413: { PAYLOAD_TOO_LARGE: HTTP_FALLBACK[413][1] },
  414: { URI_TOO_LONG: HTTP_FALLBACK[414][1] },
  415: { UNSUPPORTED_MEDIA_TYPE: HTTP_FALLBACK[415][1] },
  429: { RATE_LIMITED: HTTP_FALLBACK[429][1] },
  431: { HEADERS_TOO_LARGE: HTTP_FALLBACK[431][1] },
  500: { INTERNAL_ERROR: '系统内部错误，请稍后重试；如持续出现请联系管理员并提供请求编号' },
  503: { SERVICE_UNAVAILABLE: '系统暂时无法连接数据库或缓存，请稍后重试' },
};
