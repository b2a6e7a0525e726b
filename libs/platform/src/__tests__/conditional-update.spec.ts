import { DomainError } from '@fuyi/kernel';
import { conditionalUpdate, tryConditionalUpdate } from '../database/conditional-update';

/** A stand-in for one table: answers the helper's UPDATE and diagnosis SELECT the way PostgreSQL would. */
function fakeTable(rows: Record<string, { state: string; version: number }>) {
  const calls: Array<{ sql: string; params: unknown[] }> = [];
  const db = {
    query: async (sql: string, params: unknown[]): Promise<any> => {
      calls.push({ sql, params });
      const row = rows[params[0] as string];
      if (sql.startsWith('UPDATE')) {
        const states = params[2] as string[] | null;
        if (!row || row.version !== params[1] || (states && !states.includes(row.state))) return [[], 0];
        row.version += 1;
        return [[{ ...row }], 1];
      }
      return row ? [{ ...row }] : [];
    },
  };
  return { db, calls };
}

const refuse = {
  notFound: () => new DomainError('T_NOT_FOUND', '不存在', 'not_found'),
  versionConflict: (expected: number, current: number) =>
    new DomainError('T_VERSION_CONFLICT', '已被修改', 'conflict', { expected, current }),
  wrongState: (state: string) => new DomainError('T_ILLEGAL_TRANSITION', '状态不对', 'conflict', { state }),
};

describe('conditionalUpdate', () => {
  it('updates on the expected version and state and returns the row', async () => {
    const { db, calls } = fakeTable({ a: { state: 'draft', version: 3 } });
    const row = await conditionalUpdate(
      db,
      { table: 't', id: 'a', expectedVersion: 3, inStates: ['draft'], set: { state: 'sent', data: { x: [1] }, n: 2 }, returning: '*' },
      refuse,
    );
    expect(row).toEqual({ state: 'draft', version: 4 });
    expect(calls[0].sql).toContain('SET version = version + 1, updated_at = now(), state = $4, data = $5, n = $6');
    expect(calls[0].sql).toContain('AND t.state = ANY($3::text[])');
    expect(calls[0].params).toEqual(['a', 3, ['draft'], 'sent', '{"x":[1]}', 2]);
  });

  it('tells "not found" from "version conflict" from "wrong state"', async () => {
    const { db } = fakeTable({ a: { state: 'draft', version: 3 } });
    expect(await tryConditionalUpdate(db, { table: 't', id: 'b', expectedVersion: 3 })).toEqual({ kind: 'not_found' });
    expect(await tryConditionalUpdate(db, { table: 't', id: 'a', expectedVersion: 2, inStates: ['draft'] })).toEqual({
      kind: 'version_conflict',
      currentVersion: 3,
      currentState: 'draft',
    });
    expect(await tryConditionalUpdate(db, { table: 't', id: 'a', expectedVersion: 3, inStates: ['sent'] })).toEqual({
      kind: 'wrong_state',
      currentVersion: 3,
      currentState: 'draft',
    });
    await expect(conditionalUpdate(db, { table: 't', id: 'a', expectedVersion: 2 }, refuse)).rejects.toMatchObject({
      code: 'T_VERSION_CONFLICT',
      details: { expected: 2, current: 3 },
    });
    await expect(conditionalUpdate(db, { table: 't', id: 'a', expectedVersion: 3, inStates: ['sent'] }, refuse)).rejects.toMatchObject({
      code: 'T_ILLEGAL_TRANSITION',
      details: { state: 'draft' },
    });
    await expect(conditionalUpdate(db, { table: 't', id: 'z', expectedVersion: 3 }, refuse)).rejects.toMatchObject({ code: 'T_NOT_FOUND' });
  });

  it('applies the scope to the update and to the diagnosis, numbering its parameters after the set ones', async () => {
    const { db, calls } = fakeTable({});
    const scope = (first: number) => ({ sql: `AND c.owner = $${first}`, params: ['u1'] });
    await tryConditionalUpdate(db, { table: 'cases', alias: 'c', id: 'a', expectedVersion: 1, set: { x: 1 }, scope, touch: false });
    expect(calls[0].sql).toMatch(
      /^UPDATE cases c SET version = version \+ 1, x = \$4\s+WHERE c\.id = \$1 AND c\.version = \$2 .* AND c\.owner = \$5/s,
    );
    expect(calls[0].sql).toContain('AND $3::text[] IS NULL'); // no state column needed when no state is required
    expect(calls[0].sql).not.toContain('state');
    expect(calls[0].params).toEqual(['a', 1, null, 1, 'u1']);
    expect(calls[1].sql).toContain('FROM cases c WHERE c.id = $1 AND c.owner = $2');
    expect(calls[1].params).toEqual(['a', 'u1']);
  });

  it('refuses identifiers that are not plain snake_case names', async () => {
    const { db } = fakeTable({});
    await expect(tryConditionalUpdate(db, { table: 't; drop', id: 'a', expectedVersion: 1 })).rejects.toThrow(/bad identifier/);
    await expect(tryConditionalUpdate(db, { table: 't', id: 'a', expectedVersion: 1, set: { 'x = 1, y': 2 } })).rejects.toThrow(
      /bad identifier/,
    );
  });
});
