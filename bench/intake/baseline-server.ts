/**
 * The intake benchmark's baseline: a minimal Fastify route running a plain 8-statement intake transaction with `pg`
 * (the counter, the respondent, the case, its party, its three clocks in one statement, its event, its outbox row and
 * an audit row), no validation, encryption or framework. Started by intake.bench.ts on the same core as the api.
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify();

app.post('/applications', async (req, reply) => {
  const body = req.body as { respondentDepartmentId: number; applicants: Array<{ name: string }>; requests: string; factsReasons: string };
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const id = randomUUID();
    const [{ last_seq: seq }] = (await c.query(
      `INSERT INTO case_number_counters (year, last_seq) VALUES (2026, 1) ON CONFLICT (year) DO UPDATE SET last_seq = case_number_counters.last_seq + 1 RETURNING last_seq`,
    )).rows;
    const [dept] = (await c.query('SELECT id FROM departments WHERE id = $1', [body.respondentDepartmentId])).rows;
    const number = `基准〔2026〕第${seq}号`;
    await c.query(
      `INSERT INTO cases (id, case_number, year, seq, state, registered_by, channel, receipt_at, respondent_department_id, category, act_type, act_known_date, requests, facts_reasons, query_code_hash)
       VALUES ($1, $2, 2026, $3, 'registered', (SELECT id FROM users LIMIT 1), 'counter', now(), $4, 'penalty', '行政处罚决定', '2026-11-03', $5, $6, repeat('0', 64))`,
      [id, number, seq, dept.id, body.requests, body.factsReasons],
    );
    await c.query(`INSERT INTO case_parties (case_id, role, kind, name, position) VALUES ($1, 'applicant', 'person', $2, 0)`, [id, body.applicants[0].name]);
    await c.query(
      `INSERT INTO case_clocks (case_id, rule, start_date, due_date, status, provisional, calendar_version)
       SELECT $1, r, '2026-11-10', '2026-11-17', 'running', false, 1 FROM unnest(ARRAY['acceptance-review', 'correction-notice', 'application']) r`,
      [id],
    );
    await c.query(`INSERT INTO case_events (case_id, type, data) VALUES ($1, 'registered', '{}')`, [id]);
    await c.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ('cases', 'case.registered', $1)`, [{ caseId: id }]);
    await c.query(`INSERT INTO case_events (case_id, type, data) VALUES ($1, 'audit', '{}')`, [id]);
    await c.query('COMMIT');
    return reply.code(201).send({ caseId: id, caseNumber: number });
  } catch (e) {
    await c.query('ROLLBACK');
    throw e;
  } finally {
    c.release();
  }
});

app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' }).then(
  () => console.log('baseline ready'),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
