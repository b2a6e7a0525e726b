import { DomainError, type Actor } from '@fuyi/kernel';
import { CaseErrors } from '../domain/case-errors';
import { caseScopeOf } from './case-scope';

/**
 * The township whose counter a record belongs to: a township clerk's own, always; district staff may name one
 * (null = the district itself). The one place that applies "township roles only their own township" to writes.
 */
export function counterTownshipFor(actor: Actor, requested: number | null | undefined): number | null {
  const scope = caseScopeOf(actor);
  if (scope.kind === 'none') throw new DomainError('ACTOR_WITHOUT_SCOPE', '当前账号没有可操作的数据范围，请联系系统管理员', 'forbidden');
  if (scope.kind === 'township') {
    if (requested != null && requested !== scope.townshipId) throw CaseErrors.invalid('townshipId', '只能处理本街乡镇分中心的记录');
    return scope.townshipId;
  }
  return requested ?? null;
}
