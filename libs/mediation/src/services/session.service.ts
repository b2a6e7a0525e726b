import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError, shanghaiDate, type Actor } from '@fuyi/kernel';
import { AuditService, TimeSource } from '@fuyi/platform';
import { MediationErrors } from '../domain/mediation-errors';
import { MediationAction, nextMediationState } from '../domain/mediation-state';
import { capacitiesOf, loadVisibleFile, seesMediationWork, type FileRow } from './file-access';
import * as Sessions from '../stores/sessions.store';

export interface SessionInput {
  kind: 'joint' | 'private';
  mode: 'in_person' | 'video';
  place: string;
  scheduledAt: string;
  participants: Array<{ name: string; role: string }>;
}

const view = (r: Sessions.SessionRow) => ({
  id: r.id, kind: r.kind, mode: r.mode, place: r.place, scheduledAt: new Date(r.scheduled_at).toISOString(), participants: r.participants,
  attendance: r.attendance, minutes: r.minutes, status: r.status, version: r.version,
});

/**
 * Sessions: joint sessions (minutes visible to whoever sees the file, incl. the linked case's handlers) and private
 * 背对背 talks whose notes only the mediators currently on the file ever see (not even in a list count).
 */
@Injectable()
export class SessionService {
  constructor(private readonly audit: AuditService, private readonly time: TimeSource) {}

  async schedule(m: EntityManager, actor: Actor, fileId: string, s: SessionInput) {
    const file = await this.checkMayWork(m, actor, fileId);
    if (Number.isNaN(Date.parse(s.scheduledAt))) throw MediationErrors.invalid('scheduledAt', '时间格式不正确');
    // Nobody mediates a file before it reached the centre (or, once taken, before the mediator took it).
    const earliest = file.taken_on ?? shanghaiDate(new Date(file.created_at));
    if (shanghaiDate(new Date(s.scheduledAt)) < earliest) throw MediationErrors.invalid('scheduledAt', `调解时间不能早于${file.taken_on ? '调解员接收案件' : '引导调解'}的日期（${earliest}）`);
    const row = await Sessions.insertSession(m, {
      fileId, kind: s.kind, mode: s.mode, place: s.place, scheduledAt: s.scheduledAt, participants: s.participants, createdBy: actor.userId,
    });
    await this.audit.record(m, { action: 'mediation.session_scheduled', subjectType: 'mediation', subjectId: fileId, actor, summary: { sessionId: row.id, kind: s.kind, mode: s.mode } });
    return view(row);
  }

  /** Attendance and minutes of a held session (a correction is a new version of the same row). */
  async record(m: EntityManager, actor: Actor, fileId: string, sessionId: string, v: { version: number; attendance: Array<{ name: string; present: boolean }>; minutes: string }) {
    await this.checkMayWork(m, actor, fileId);
    const cur = await Sessions.lockSession(m, sessionId, fileId);
    if (!cur) throw new DomainError('MEDIATION_SESSION_NOT_FOUND', '调解会议不存在', 'not_found');
    if (cur.version !== v.version) throw MediationErrors.versionConflict(v.version, cur.version);
    // The 笔录 prints the session's time and is dated today: a session not yet held has no minutes.
    const sessionDay = shanghaiDate(new Date(cur.scheduled_at));
    if (sessionDay > shanghaiDate(this.time.now())) throw MediationErrors.invalid('minutes', `调解会议安排在${sessionDay}，尚未召开，不能记录到场情况和笔录`);
    const row = await Sessions.recordSessionMinutes(
      m,
      { sessionId, fileId, version: v.version, attendance: v.attendance, minutes: v.minutes },
      (current) => MediationErrors.versionConflict(v.version, current),
    );
    await this.audit.record(m, { action: 'mediation.session_recorded', subjectType: 'mediation', subjectId: fileId, actor, summary: { sessionId, kind: row.kind } });
    return view(row);
  }

  /** A private 背对背 note: a held private session with its notes. */
  async privateNote(m: EntityManager, actor: Actor, fileId: string, v: { text: string; participants?: Array<{ name: string; role: string }> }) {
    await this.checkMayWork(m, actor, fileId);
    const row = await Sessions.insertPrivateNote(m, { fileId, participants: v.participants ?? [], text: v.text, createdBy: actor.userId });
    await this.audit.record(m, { action: 'mediation.private_note', subjectType: 'mediation', subjectId: fileId, actor, summary: { sessionId: row.id } });
    return view(row);
  }

  async list(m: EntityManager, actor: Actor, fileId: string) {
    await loadVisibleFile(m, actor, fileId);
    if (!seesMediationWork(actor)) return []; // the counter sees the referral, not the sessions
    const onFile = (await capacitiesOf(m, actor, fileId)).includes('file_mediator');
    const rows = await Sessions.sessionsOf(m, fileId, onFile);
    return rows.map(view);
  }

  private async checkMayWork(m: EntityManager, actor: Actor, fileId: string): Promise<FileRow> {
    const file = await loadVisibleFile(m, actor, fileId);
    nextMediationState(file.state, MediationAction.Schedule, await capacitiesOf(m, actor, fileId));
    return file;
  }
}
