import type { EntityManager } from 'typeorm';
import type { FieldCipher } from '@fuyi/platform';
import type { PartyRole } from '../entities';
import type { PartyInput } from './registration.types';

/**
 * Writes parties with their personal data encrypted (PIPL) and the ID number findable by blind index.
 * Positions continue after the case's existing parties of the same role.
 */
export async function insertParties(m: EntityManager, cipher: FieldCipher, caseId: string, parties: Array<{ party: PartyInput; role: PartyRole }>): Promise<string[]> {
  if (!parties.length) return [];
  const values: unknown[] = [];
  const tuples = parties.map(({ party: p, role }, i) => {
    const id = p.idNumber?.toUpperCase();
    values.push(caseId, role, p.kind, p.name, cipher.encrypt(id), id ? cipher.blindIndex(id) : null,
      cipher.encrypt(p.phone), cipher.encrypt(p.address), p.creditCode?.toUpperCase() ?? null, p.legalRepresentative ?? null, i);
    const o = i * 11;
    return `(${Array.from({ length: 11 }, (_, k) => `$${o + k + 1}`).join(',')})`;
  });
  const rows = await m.query(
    `INSERT INTO case_parties (case_id, role, kind, name, id_number_enc, id_number_index, phone_enc, address_enc, credit_code, legal_representative, position)
     SELECT t.case_id::uuid, t.role, t.kind, t.name, t.id_enc, t.id_idx, t.phone_enc, t.addr_enc, t.credit, t.legal,
            t.pos::int + coalesce((SELECT max(position) + 1 FROM case_parties x WHERE x.case_id = t.case_id::uuid AND x.role = t.role), 0)
       FROM (VALUES ${tuples.join(',')}) AS t(case_id, role, kind, name, id_enc, id_idx, phone_enc, addr_enc, credit, legal, pos)
     RETURNING id`,
    values,
  );
  return rows.map((r: { id: string }) => r.id);
}
