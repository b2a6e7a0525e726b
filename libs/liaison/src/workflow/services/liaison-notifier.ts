import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Role } from '@fuyi/kernel';
import { Notifier, type Notice } from '@fuyi/notifications';

export interface LiaisonMessage {
  kind: string;
  title: string;
  body: string;
  caseId: string | null;
  /** Every active user of these roles gets the message. */
  roles: readonly Role[];
}

/**
 * The liaison workflow's messages, each to every active user of its roles, through the notifications library's Notifier
 * (in-app, then every configured channel), in the caller's transaction. Texts carry no personal data (titles and
 * department names only).
 */
@Injectable()
export class LiaisonNotifier {
  constructor(private readonly notifier: Notifier) {}

  async notify(m: EntityManager, items: LiaisonMessage[]): Promise<string[]> {
    const usersOf = new Map<string, string[]>();
    const notices: Notice[] = [];
    for (const { roles, ...text } of items) {
      const key = [...roles].sort().join(',');
      if (!usersOf.has(key)) usersOf.set(key, await this.notifier.usersOf(m, roles));
      for (const userId of usersOf.get(key)!) notices.push({ ...text, userId });
    }
    return this.notifier.notify(m, notices);
  }
}
