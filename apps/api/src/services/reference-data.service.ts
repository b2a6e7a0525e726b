import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@fuyi/platform';

/** The reference lists every form offers: townships and the departments that can be respondents. */
@Injectable()
export class ReferenceDataService {
  constructor(private readonly uow: UnitOfWork) {}

  townships() {
    return this.uow.read((m) => m.query('SELECT id, code, name, kind FROM townships ORDER BY id'));
  }

  async departments() {
    const rows = await this.uow.read((m) => m.query('SELECT id, name, kind, township_id, superior FROM departments ORDER BY id'));
    return rows.map((r: any) => ({ id: r.id, name: r.name, kind: r.kind, townshipId: r.township_id, superior: r.superior }));
  }
}
