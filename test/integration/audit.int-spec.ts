import { AuditService, auditHash, verifyAuditChains } from '@fuyi/platform';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The audit trail: one gap-free hash chain per subject, append-only for the app role, tampering detectable. */
describe('audit log (real Postgres)', () => {
  let db: TestDatabase;
  const audit = new AuditService();
  const chainA = 'case:00000000-0000-4000-8000-00000000000a';
  const chainB = 'case:00000000-0000-4000-8000-00000000000b';

  const record = (subjectId: string, action: string, summary: Record<string, unknown> = {}) =>
    db.ds.transaction((m) => audit.record(m, { action, subjectType: 'case', subjectId, summary, actor: null }));
  const seqs = async (chain: string) =>
    (await db.ds.query('SELECT seq FROM audit_log WHERE chain = $1 ORDER BY seq', [chain])).map((r: any) => Number(r.seq));
  const pgCode = (e: any) => e?.driverError?.code ?? e?.code;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('appends per-subject chains with seq 1..n, gap-free even for concurrent writers of one subject', async () => {
    for (let i = 0; i < 4; i++) {
      await record(chainA.slice(5), `case.step${i}`, { i, nested: { b: 2, a: [1, '二'] } });
      await record(chainB.slice(5), `case.step${i}`, { i });
    }
    await Promise.all(Array.from({ length: 20 }, (_, i) => record(chainA.slice(5), 'case.concurrent', { i })));
    await Promise.all(Array.from({ length: 6 }, (_, i) => record(chainB.slice(5), 'case.concurrent', { i })));

    expect(await seqs(chainA)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(await seqs(chainB)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const links = await db.ds.query(
      `SELECT count(*)::int AS n FROM audit_log a JOIN audit_log p ON p.chain = a.chain AND p.seq = a.seq - 1 WHERE a.prev_hash = p.hash`,
    );
    expect(links[0].n).toBe(23 + 9);
  });

  it('a writer that rolls back leaves no row and no hole in the chain', async () => {
    await expect(
      db.ds.transaction(async (m) => {
        await audit.record(m, { action: 'case.doomed', subjectType: 'case', subjectId: chainB.slice(5), actor: null });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await record(chainB.slice(5), 'case.after_rollback');
    expect(await seqs(chainB)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  it('verifyAuditChains finds no break in an untouched log', async () => {
    const result = await verifyAuditChains(db.ds);
    expect(result.breaks).toEqual([]);
    expect(result.chains).toBeGreaterThanOrEqual(2);
    expect(result.rows).toBeGreaterThanOrEqual(35);
    // Small batches exercise the keyset pagination across chain boundaries.
    expect((await verifyAuditChains(db.ds, 3)).breaks).toEqual([]);
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET summary = '{"forged": true}' WHERE chain = $1`],
    ['DELETE', `DELETE FROM audit_log WHERE chain = $1`],
    ['TRUNCATE', `TRUNCATE audit_log`],
  ])('the application role may not %s audit rows (42501 permission denied)', async (_, sql) => {
    const params = sql.includes('$1') ? [chainA] : [];
    const err = await db.ds.query(sql, params).then(() => null, (e) => e);
    expect(err).not.toBeNull();
    expect(pgCode(err)).toBe('42501');
    expect(await seqs(chainA)).toHaveLength(24);
  });

  it('detects a row edited by the owner role (hash_mismatch)', async () => {
    await db.owner.query(`UPDATE audit_log SET summary = '{"i": 99}' WHERE chain = $1 AND seq = 2`, [chainA]);
    const { breaks } = await verifyAuditChains(db.ds);
    expect(breaks).toContainEqual({ chain: chainA, seq: 2, reason: 'hash_mismatch' });
    expect(breaks.filter((b) => b.chain === chainA)).toEqual([{ chain: chainA, seq: 2, reason: 'hash_mismatch' }]);
  });

  it('detects an edit whose forger also recomputed the row hash (the next row no longer links)', async () => {
    const [r] = await db.owner.query(
      `SELECT chain, seq, occurred_at, actor_id, actor_role, action, subject_type, subject_id, summary, request_id, prev_hash FROM audit_log WHERE chain = $1 AND seq = 5`,
      [chainA],
    );
    const forged = { ...r.summary, forged: true };
    const hash = auditHash({
      chain: r.chain, seq: 5, occurredAt: new Date(r.occurred_at), actorId: r.actor_id, actorRole: r.actor_role, action: r.action,
      subjectType: r.subject_type, subjectId: r.subject_id, summary: forged, requestId: r.request_id, prevHash: r.prev_hash,
    });
    await db.owner.query(`UPDATE audit_log SET summary = $2, hash = $3 WHERE chain = $1 AND seq = 5`, [chainA, forged, hash]);
    const { breaks } = await verifyAuditChains(db.ds);
    expect(breaks).not.toContainEqual(expect.objectContaining({ chain: chainA, seq: 5 }));
    expect(breaks).toContainEqual({ chain: chainA, seq: 6, reason: 'broken_link' });
  });

  it('detects a deleted middle row (gap and broken link at the next row)', async () => {
    await db.owner.query(`DELETE FROM audit_log WHERE chain = $1 AND seq = 4`, [chainB]);
    const { breaks } = await verifyAuditChains(db.ds);
    const onB = breaks.filter((b) => b.chain === chainB);
    expect(onB).toEqual(expect.arrayContaining([
      { chain: chainB, seq: 5, reason: 'gap' },
      { chain: chainB, seq: 5, reason: 'broken_link' },
    ]));
    expect(onB.every((b) => b.seq === 5)).toBe(true);
  });

  it('a summary with an undefined value (e.g. an optional DTO field) still verifies: the hash covers what Postgres stores', async () => {
    const subject = '00000000-0000-4000-8000-00000000000c';
    await record(subject, 'case.accept', { procedure: 'ordinary', note: undefined });
    const { breaks } = await verifyAuditChains(db.ds);
    expect(breaks.filter((b) => b.chain === `case:${subject}`)).toEqual([]);
  });

  describe('anchored chain heads (issue 14 item 6)', () => {
    const subject = '00000000-0000-4000-8000-0000000000d1';
    const chain = `case:${subject}`;
    beforeAll(async () => {
      for (let i = 0; i < 5; i++) await record(subject, `case.anchor${i}`, { i });
    });

    it('every chain has a sealed head at its last row', async () => {
      const [head] = await db.ds.query('SELECT seq, hash, mac FROM audit_heads WHERE chain = $1', [chain]);
      const [last] = await db.ds.query('SELECT seq, hash FROM audit_log WHERE chain = $1 ORDER BY seq DESC LIMIT 1', [chain]);
      expect(head).toMatchObject({ seq: 5, hash: last.hash, mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect((await verifyAuditChains(db.ds)).breaks.filter((b) => b.chain === chain)).toEqual([]);
    });

    it('the application role may not delete a head', async () => {
      const err = await db.ds.query('DELETE FROM audit_heads WHERE chain = $1', [chain]).then(() => null, (e) => e);
      expect(pgCode(err)).toBe('42501');
    });

    it('removing the last rows of a chain is detected (truncated), and moving the head back by hand too (head_forged)', async () => {
      await db.owner.query('DELETE FROM audit_log WHERE chain = $1 AND seq > 3', [chain]);
      expect((await verifyAuditChains(db.ds)).breaks.filter((b) => b.chain === chain)).toEqual([{ chain, seq: 5, reason: 'truncated' }]);
      // The forger rewinds the head to the new last row but cannot seal it without AUDIT_KEY (not in the database).
      await db.owner.query(
        `UPDATE audit_heads SET seq = 3, hash = (SELECT hash FROM audit_log WHERE chain = $1 AND seq = 3), mac = repeat('0', 64) WHERE chain = $1`, [chain],
      );
      expect((await verifyAuditChains(db.ds)).breaks.filter((b) => b.chain === chain)).toEqual([{ chain, seq: 3, reason: 'head_forged' }]);
      // A whole chain removed with its rows still leaves its head behind.
      await db.owner.query('DELETE FROM audit_log WHERE chain = $1', [chain]);
      expect((await verifyAuditChains(db.ds)).breaks.filter((b) => b.chain === chain)).toContainEqual({ chain, seq: 3, reason: 'truncated' });
    });
  });

  it.each(['UPDATE case_events SET data = \'{}\'', 'DELETE FROM case_events'])('the application role may not change the timeline: %s (42501)', async (sql) => {
    const err = await db.ds.query(sql).then(() => null, (e) => e);
    expect(pgCode(err)).toBe('42501');
  });
});
