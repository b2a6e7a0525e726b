import type { components } from '@generated/api-types';

export type ErrorBody = components['schemas']['ErrorBodyDto'];

/** An answer of the API other than success: its stable code and Chinese message (ErrorBody), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ErrorBody['fields'] = undefined,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/** Codes whose meaning the console words itself (the API's message is shown for every other code). */
const MESSAGES: Record<string, string> = {
  NETWORK: '无法连接服务器，请检查网络后重试',
  AUTH_SESSION_ENDED: '登录已失效，请重新登录',
  AUTH_REFRESH_INVALID: '登录已过期，请重新登录',
  AUTH_TOKEN_INVALID: '登录已过期，请重新登录',
};

/**
 * Ant Design Pro's requestErrorConfig in one function: any thrown thing → the sentence a clerk reads. The API's
 * messages are already Chinese; a 5xx or a body that is not ErrorBody gets a generic sentence with the request id.
 */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (MESSAGES[e.code]) return MESSAGES[e.code];
    if (e.status >= 500) return `服务器暂时无法处理，请稍后再试${e.requestId ? `（请求编号 ${e.requestId}）` : ''}`;
    return e.message;
  }
  return '操作未完成，请稍后再试';
}

/** Turns a fetch Response that failed into an ApiError (ErrorBody when the API answered one). */
export async function apiErrorOf(response: Response, body?: unknown): Promise<ApiError> {
  let b = body as Partial<ErrorBody> | undefined;
  if (b === undefined) {
    try {
      b = (await response.clone().json()) as Partial<ErrorBody>;
    } catch {
      b = undefined;
    }
  }
  const retryAfter = response.headers.get('retry-after');
  if (b && typeof b.code === 'string' && typeof b.message === 'string') {
    const message = response.status === 429 && retryAfter ? `${b.message}（请 ${retryAfter} 秒后再试）` : b.message;
    return new ApiError(response.status, b.code, message, b.fields, b.requestId);
  }
  return new ApiError(response.status, `HTTP_${response.status}`, `请求失败（${response.status}）`);
}
