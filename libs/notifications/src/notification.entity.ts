import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** In-app notification: written only through the Notifier (one path for every library), read by the inbox. */
@Entity('notifications')
@Index('idx_notifications_user_unread', ['userId', 'id'], { where: 'read_at IS NULL' })
@Index('uq_notifications_reminder_user', ['reminderId', 'userId'], { unique: true, where: 'reminder_id IS NOT NULL' })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 48 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId: string | null;

  /** Set when a reminder caused it: one notification per reminder and recipient, whatever retries happen. */
  @Column({ name: 'reminder_id', type: 'bigint', nullable: true })
  reminderId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
