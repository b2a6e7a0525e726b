import { DomainError } from '@fuyi/kernel';

export const ClusterErrors = {
  notFound: () => new DomainError('CLUSTER_NOT_FOUND', '群体性纠纷线索不存在', 'not_found'),
  versionConflict: (expected: number, actual: number) =>
    new DomainError('CLUSTER_VERSION_CONFLICT', '该线索已被他人修改，请刷新后重新操作', 'conflict', { expectedVersion: expected, currentVersion: actual }),
  notOpen: (state: string) => new DomainError('CLUSTER_NOT_OPEN', '该线索已关闭或已排除，不能再排除', 'conflict', { currentState: state }),
  /** Drafting a risk notice from a lead that is no longer one (dismissed, or merged into another: state closed). */
  notOpenForNotice: (state: string) =>
    new DomainError('CLUSTER_NOT_OPEN', state === 'dismissed' ? '该线索已排除，不能再据此起草风险提示函' : '该线索已并入其他线索，请从合并后的线索起草风险提示函', 'conflict', {
      currentState: state,
    }),
};
