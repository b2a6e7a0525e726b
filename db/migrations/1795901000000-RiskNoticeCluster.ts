import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: a risk notice drafted from a group-dispute cluster names its cluster, so the draft route can refuse a
 * dismissed or merged lead (CLUSTER_NOT_OPEN) and the notice says which lead it answers. Null for other notices.
 */
export class RiskNoticeCluster1795901000000 implements MigrationInterface {
  name = 'RiskNoticeCluster1795901000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "liaison_risk_notices" ADD "cluster_id" uuid`);
    await q.query(`CREATE INDEX "idx_liaison_risk_notices_cluster" ON "liaison_risk_notices" ("cluster_id") `);
    await q.query(
      `ALTER TABLE "liaison_risk_notices" ADD CONSTRAINT "fk_liaison_risk_notices_cluster_id" FOREIGN KEY ("cluster_id") REFERENCES "group_disputes"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "liaison_risk_notices" DROP CONSTRAINT "fk_liaison_risk_notices_cluster_id"`);
    await q.query(`DROP INDEX "idx_liaison_risk_notices_cluster"`);
    await q.query(`ALTER TABLE "liaison_risk_notices" DROP COLUMN "cluster_id"`);
  }
}
