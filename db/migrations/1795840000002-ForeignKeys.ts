import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 item 11: the schema had no foreign keys (an administrator created a township clerk for township 999). The
 * references every workflow relies on now are constraints. Rows a registration (or a mediation file) writes before
 * their parent (parties, clocks, events, hearings… before the case, whose number is taken last to keep the per-year
 * counter lock short) use DEFERRABLE INITIALLY DEFERRED keys, checked at COMMIT; references to reference data
 * (townships, departments, users) are checked at once.
 */
export class ForeignKeys1795840000002 implements MigrationInterface {
  name = 'ForeignKeys1795840000002';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "users" ADD CONSTRAINT "fk_users_township_id" FOREIGN KEY ("township_id") REFERENCES "townships"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "departments" ADD CONSTRAINT "fk_departments_township_id" FOREIGN KEY ("township_id") REFERENCES "townships"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "sessions" ADD CONSTRAINT "fk_sessions_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "idempotency_keys" ADD CONSTRAINT "fk_idempotency_keys_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_township_id" FOREIGN KEY ("township_id") REFERENCES "townships"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_respondent_department_id" FOREIGN KEY ("respondent_department_id") REFERENCES "departments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_registered_by" FOREIGN KEY ("registered_by") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "cases" ADD CONSTRAINT "fk_cases_handler_id" FOREIGN KEY ("handler_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "case_parties" ADD CONSTRAINT "fk_case_parties_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "case_events" ADD CONSTRAINT "fk_case_events_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "case_clocks" ADD CONSTRAINT "fk_case_clocks_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "clock_milestones" ADD CONSTRAINT "fk_clock_milestones_clock_id" FOREIGN KEY ("clock_id") REFERENCES "case_clocks"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "case_hearings" ADD CONSTRAINT "fk_case_hearings_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "case_services" ADD CONSTRAINT "fk_case_services_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "case_approval_requests" ADD CONSTRAINT "fk_case_approval_requests_case_id" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations_township_id" FOREIGN KEY ("township_id") REFERENCES "townships"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations_clerk_id" FOREIGN KEY ("clerk_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "consultations" ADD CONSTRAINT "fk_consultations_respondent_department_id" FOREIGN KEY ("respondent_department_id") REFERENCES "departments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mediation_files" ADD CONSTRAINT "fk_mediation_files_township_id" FOREIGN KEY ("township_id") REFERENCES "townships"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mediation_parties" ADD CONSTRAINT "fk_mediation_parties_file_id" FOREIGN KEY ("file_id") REFERENCES "mediation_files"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "mediation_sessions" ADD CONSTRAINT "fk_mediation_sessions_file_id" FOREIGN KEY ("file_id") REFERENCES "mediation_files"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "mediation_assignments" ADD CONSTRAINT "fk_mediation_assignments_file_id" FOREIGN KEY ("file_id") REFERENCES "mediation_files"("id") ON DELETE NO ACTION ON UPDATE NO ACTION DEFERRABLE INITIALLY DEFERRED`);
    await q.query(`ALTER TABLE "mediation_assignments" ADD CONSTRAINT "fk_mediation_assignments_mediator_id" FOREIGN KEY ("mediator_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "mediator_profiles" ADD CONSTRAINT "fk_mediator_profiles_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "liaison_notice_recipients" ADD CONSTRAINT "fk_liaison_notice_recipients_department_id" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "liaison_letters" ADD CONSTRAINT "fk_liaison_letters_recipient_department_id" FOREIGN KEY ("recipient_department_id") REFERENCES "departments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "group_disputes" ADD CONSTRAINT "fk_group_disputes_respondent_department_id" FOREIGN KEY ("respondent_department_id") REFERENCES "departments"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "group_disputes" DROP CONSTRAINT "fk_group_disputes_respondent_department_id"`);
    await q.query(`ALTER TABLE "liaison_letters" DROP CONSTRAINT "fk_liaison_letters_recipient_department_id"`);
    await q.query(`ALTER TABLE "liaison_notice_recipients" DROP CONSTRAINT "fk_liaison_notice_recipients_department_id"`);
    await q.query(`ALTER TABLE "mediator_profiles" DROP CONSTRAINT "fk_mediator_profiles_user_id"`);
    await q.query(`ALTER TABLE "mediation_assignments" DROP CONSTRAINT "fk_mediation_assignments_mediator_id"`);
    await q.query(`ALTER TABLE "mediation_assignments" DROP CONSTRAINT "fk_mediation_assignments_file_id"`);
    await q.query(`ALTER TABLE "mediation_sessions" DROP CONSTRAINT "fk_mediation_sessions_file_id"`);
    await q.query(`ALTER TABLE "mediation_parties" DROP CONSTRAINT "fk_mediation_parties_file_id"`);
    await q.query(`ALTER TABLE "mediation_files" DROP CONSTRAINT "fk_mediation_files_township_id"`);
    await q.query(`ALTER TABLE "consultations" DROP CONSTRAINT "fk_consultations_respondent_department_id"`);
    await q.query(`ALTER TABLE "consultations" DROP CONSTRAINT "fk_consultations_clerk_id"`);
    await q.query(`ALTER TABLE "consultations" DROP CONSTRAINT "fk_consultations_township_id"`);
    await q.query(`ALTER TABLE "case_approval_requests" DROP CONSTRAINT "fk_case_approval_requests_case_id"`);
    await q.query(`ALTER TABLE "case_services" DROP CONSTRAINT "fk_case_services_case_id"`);
    await q.query(`ALTER TABLE "case_hearings" DROP CONSTRAINT "fk_case_hearings_case_id"`);
    await q.query(`ALTER TABLE "clock_milestones" DROP CONSTRAINT "fk_clock_milestones_clock_id"`);
    await q.query(`ALTER TABLE "case_clocks" DROP CONSTRAINT "fk_case_clocks_case_id"`);
    await q.query(`ALTER TABLE "case_events" DROP CONSTRAINT "fk_case_events_case_id"`);
    await q.query(`ALTER TABLE "case_parties" DROP CONSTRAINT "fk_case_parties_case_id"`);
    await q.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_handler_id"`);
    await q.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_registered_by"`);
    await q.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_respondent_department_id"`);
    await q.query(`ALTER TABLE "cases" DROP CONSTRAINT "fk_cases_township_id"`);
    await q.query(`ALTER TABLE "idempotency_keys" DROP CONSTRAINT "fk_idempotency_keys_user_id"`);
    await q.query(`ALTER TABLE "sessions" DROP CONSTRAINT "fk_sessions_user_id"`);
    await q.query(`ALTER TABLE "departments" DROP CONSTRAINT "fk_departments_township_id"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_township_id"`);
  }
}
