import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@fuyi/kernel';
import { Notifier } from '@fuyi/notifications';

export interface CaseMessage {
  kind: string;
  title: string;
  /** Case number and what to do; never personal data (it is sent over SMS, e-mail and webhooks too). */
  body: string;
}

/**
 * Who is told about a step on a case (issue #12 item 9), through the notifications library's Notifier (in-app, then
 * every configured channel), in the caller's transaction.
 */
@Injectable()
export class CaseNotifier {
  constructor(private readonly notifier: Notifier) {}

  /** One user (e.g. the newly assigned handler), if active. */
  toUser(m: EntityManager, userId: string, caseId: string, msg: CaseMessage): Promise<string[]> {
    return this.notifier.toUsers(m, [userId], { ...msg, caseId });
  }

  /** Every active user of a role except one (the submitter, who may not approve their own request). */
  toRole(m: EntityManager, role: Role, caseId: string, msg: CaseMessage, except: string): Promise<string[]> {
    return this.notifier.toRoles(m, [role], { ...msg, caseId }, except);
  }
}
