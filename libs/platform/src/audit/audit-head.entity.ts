import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The head (last seq and hash) of every audit chain, sealed with an HMAC whose key (AUDIT_KEY) is not in the database
 * (issue 14 item 6). Rows removed from the end of a chain leave the head pointing past them; a head moved back by hand
 * has no valid seal. The application role may insert and update heads, never delete them.
 */
@Entity('audit_heads')
export class AuditHeadEntity {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  chain: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'char', length: 64 })
  hash: string;

  /** HMAC-SHA256(AUDIT_KEY, chain \n seq \n hash); null for heads carried over by the migration, sealed on the next row. */
  @Column({ type: 'char', length: 64, nullable: true })
  mac: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
