import { Injectable } from '@nestjs/common';
import { ReferenceStore, UnitOfWork } from '@fuyi/platform';

/** The reference lists every form offers: townships and the departments that can be respondents. */
@Injectable()
export class ReferenceDataService {
  constructor(private readonly uow: UnitOfWork) {}

  townships() {
    return this.uow.read((m) => ReferenceStore.townships(m));
  }

  async departments() {
    const rows = await this.uow.read((m) => ReferenceStore.departments(m));
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, townshipId: r.township_id, superior: r.superior }));
  }
}
