import type { FieldCipher, SqlRunner } from '@fuyi/platform';
import type { PartyRole } from '../entities';
import type { PartyInput } from './registration.types';
import * as Parties from '../stores/parties.store';

/**
 * Writes parties with their personal data encrypted (PIPL) and the ID number findable by blind index.
 * Positions continue after the case's existing parties of the same role.
 */
export async function insertParties(m: SqlRunner, cipher: FieldCipher, caseId: string, parties: Array<{ party: PartyInput; role: PartyRole }>): Promise<string[]> {
  return Parties.insertParties(
    m,
    caseId,
    parties.map(({ party: p, role }) => {
      const id = p.idNumber?.toUpperCase();
      return {
        role, kind: p.kind, name: p.name, id_number_enc: cipher.encrypt(id), id_number_index: id ? cipher.blindIndex(id) : null,
        phone_enc: cipher.encrypt(p.phone), address_enc: cipher.encrypt(p.address), credit_code: p.creditCode?.toUpperCase() ?? null,
        legal_representative: p.legalRepresentative ?? null,
      };
    }),
  );
}
