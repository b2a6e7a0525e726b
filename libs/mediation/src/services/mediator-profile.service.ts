import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, Role, type Actor } from '@fuyi/kernel';
import { AuditService, FieldCipher } from '@fuyi/platform';
import { MediationErrors } from '../domain/mediation-errors';
import { MEDIATION_CATEGORIES } from '../domain/mediation-types';
import * as Profiles from '../stores/profiles.store';
import { countDepartments } from '../stores/references.store';

export interface ProfileInput {
  version?: number;
  skills: string[];
  isCoordinator: boolean;
  conflictDepartmentIds: number[];
  /** ID numbers of related people: only their blind indexes are stored. */
  conflictIdNumbers?: string[];
  conflictNames: string[];
}

/** The centre's mediators: skills by category, the coordinator flag and their conflicts (kept by the coordinator). */
@Injectable()
export class MediatorProfileService {
  constructor(private readonly audit: AuditService, private readonly cipher: FieldCipher) {}

  /** The roster; conflicts (people a mediator is related to) only for the coordinator and the office head. */
  async list(m: EntityManager, actor: Actor) {
    const seesConflicts = await this.mayManage(m, actor);
    const rows = await Profiles.mediatorRoster(m);
    return rows.map((r) => ({
      userId: r.id, displayName: r.display_name, hasProfile: r.version != null, skills: r.skills ?? [], isCoordinator: !!r.is_coordinator, version: r.version,
      ...(seesConflicts ? { conflictDepartmentIds: r.conflict_department_ids ?? [], conflictIdNumbers: r.id_links ?? 0, conflictNames: r.conflict_party_names ?? [] } : {}),
    }));
  }

  async upsert(m: EntityManager, actor: Actor, userId: string, v: ProfileInput) {
    await this.checkMayManage(m, actor);
    if (!(await Profiles.isMediatorUser(m, userId))) throw MediationErrors.invalid('userId', '该用户不是调解员');
    const bad = v.skills.find((s) => !(s in MEDIATION_CATEGORIES));
    if (bad) throw MediationErrors.invalid('skills', '擅长类别不正确');
    if (v.conflictDepartmentIds.length) {
      const n = await countDepartments(m, v.conflictDepartmentIds);
      if (n !== new Set(v.conflictDepartmentIds).size) throw MediationErrors.invalid('conflictDepartmentIds', '单位不存在');
    }
    const indexes = (v.conflictIdNumbers ?? []).map((id) => this.cipher.blindIndex(id.toUpperCase()));
    const cur = await Profiles.lockProfile(m, userId);
    if (cur && cur.version !== v.version) throw MediationErrors.profileVersionConflict(v.version ?? 0, cur.version);
    const nextIndexes: string[] = v.conflictIdNumbers === undefined && cur ? cur.conflict_party_indexes : indexes;
    // Nobody keeps their own conflicts: a coordinator could otherwise drop one and assign themselves.
    if (actor.userId === userId && !sameConflicts(cur, v.conflictDepartmentIds, nextIndexes, v.conflictNames)) {
      throw new DomainError('MEDIATION_OWN_CONFLICTS', '不能修改本人的回避关联信息，请由其他协调员或机构负责人维护', 'forbidden');
    }
    const values: Profiles.ProfileValues = {
      skills: v.skills, isCoordinator: v.isCoordinator, conflictDepartmentIds: v.conflictDepartmentIds, conflictPartyIndexes: nextIndexes, conflictPartyNames: v.conflictNames,
    };
    const version = cur ? await Profiles.updateProfile(m, userId, values) : await Profiles.insertProfile(m, userId, values);
    // Conflicts are audited by counts (before → after), never their values (names and ID numbers of related people).
    const counts = (d: unknown[], i: unknown[], n: unknown[]) => ({ departments: d.length, idNumbers: i.length, names: n.length });
    await this.audit.record(m, {
      action: 'mediation.profile', subjectType: 'mediator', subjectId: userId, actor,
      summary: {
        skills: v.skills, isCoordinator: v.isCoordinator, version,
        conflicts: { before: cur ? counts(cur.conflict_department_ids, cur.conflict_party_indexes, cur.conflict_party_names) : null, after: counts(v.conflictDepartmentIds, nextIndexes, v.conflictNames) },
        conflictsChanged: !sameConflicts(cur, v.conflictDepartmentIds, nextIndexes, v.conflictNames),
      },
    });
    return { userId, version };
  }

  private async mayManage(m: EntityManager, actor: Actor): Promise<boolean> {
    if (actor.role === Role.OfficeHead) return true;
    if (actor.role !== Role.Mediator) return false;
    return Profiles.isCoordinator(m, actor.userId);
  }

  private async checkMayManage(m: EntityManager, actor: Actor): Promise<void> {
    if (!(await this.mayManage(m, actor))) throw new DomainError('MEDIATION_ACTION_FORBIDDEN', '只有调解中心协调员或机构负责人可以维护调解员信息', 'forbidden');
  }
}

const sortedJson = (xs: readonly unknown[]) => JSON.stringify([...xs].map(String).sort());

/** Whether the conflicts stay as they are (a new profile has none). */
function sameConflicts(cur: { conflict_department_ids: number[]; conflict_party_indexes: string[]; conflict_party_names: string[] } | undefined,
  departments: readonly number[], indexes: readonly string[], names: readonly string[]): boolean {
  const before = cur ?? { conflict_department_ids: [], conflict_party_indexes: [], conflict_party_names: [] };
  return sortedJson(before.conflict_department_ids) === sortedJson(departments) && sortedJson(before.conflict_party_indexes) === sortedJson(indexes)
    && sortedJson(before.conflict_party_names.map((n) => n.trim())) === sortedJson(names.map((n) => n.trim()));
}
