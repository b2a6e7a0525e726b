import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/create-app';
import { apiPath } from '../../apps/api/src/http/api-prefix';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import { applicationBody } from '../support/factories';
import type { AppConfig } from '@fuyi/platform';

export interface Api {
  app: NestFastifyApplication;
  token: string;
  dept: number;
  register(): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/** The real api in-process (Fastify inject: no socket), signed in as the district clerk. */
export async function startApi(config: AppConfig, owner: DataSource): Promise<Api> {
  const app = await createApp(config, { rateLimitPerMinute: 1_000_000 });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const login = await app.inject({ method: 'POST', url: apiPath('/auth/login'), payload: { username: 'clerk', password: DEMO_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
  const token = login.json().accessToken as string;
  const [{ id: dept }] = await owner.query(`SELECT id FROM departments ORDER BY id LIMIT 1`);
  return {
    app, token, dept,
    async register() {
      const res = await app.inject({
        method: 'POST', url: apiPath('/applications'), headers: { authorization: `Bearer ${token}` }, payload: applicationBody(dept),
      });
      let body: any = null;
      try { body = res.json(); } catch { body = res.body; }
      return { status: res.statusCode, body, headers: res.headers };
    },
    close: () => app.close(),
  };
}

/**
 * Everything a registration writes belongs to a case that exists, and every case has all of it: no partial case,
 * no orphan outbox, party, clock, event or audit row. Returns the number of cases.
 */
export async function checkNoPartialCases(owner: DataSource): Promise<{ cases: number; problems: Record<string, number> }> {
  const [counts] = await owner.query(`SELECT
    (SELECT count(*)::int FROM cases) AS cases,
    (SELECT count(*)::int FROM outbox o WHERE o.job_name = 'cases.registered' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id::text = o.payload->>'caseId')) AS orphan_outbox,
    (SELECT count(*)::int FROM case_parties p WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = p.case_id)) AS orphan_parties,
    (SELECT count(*)::int FROM case_clocks k WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = k.case_id)) AS orphan_clocks,
    (SELECT count(*)::int FROM case_events e WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id)) AS orphan_events,
    (SELECT count(*)::int FROM audit_log a WHERE a.action = 'case.register' AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id::text = a.subject_id)) AS orphan_audit,
    (SELECT count(*)::int FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.role = 'applicant')) AS without_parties,
    (SELECT count(*)::int FROM cases c WHERE (SELECT count(*) FROM case_clocks k WHERE k.case_id = c.id) < 3) AS without_clocks,
    (SELECT count(*)::int FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.type = 'registered')) AS without_event,
    (SELECT count(*)::int FROM cases c WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.subject_id = c.id::text AND a.action = 'case.register')) AS without_audit`);
  const { cases, ...problems } = counts;
  return { cases, problems };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
