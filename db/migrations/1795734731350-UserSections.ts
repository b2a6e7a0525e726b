// Sections of the office (两科一室), used when assigning cases by workload.
import { MigrationInterface, QueryRunner } from "typeorm";

export class UserSections1795734731350 implements MigrationInterface {
    name = 'UserSections1795734731350'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" ADD "section" character varying(32)`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "section"`);
    }

}
