import type { DataSource } from 'typeorm';
import { Role, ROLE_LABELS } from '@fuyi/kernel';
import { hashPassword } from '@fuyi/platform';
import { DEPARTMENT_SUPERIORS, DEPARTMENTS, TOWNSHIP_GOVERNMENT_SUPERIOR, TOWNSHIPS } from './reference-data';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Fuyi@2026';

export const DEMO_USERS: Array<{ username: string; displayName: string; role: Role; townshipId: number | null; section?: string }> = [
  { username: 'zhongcang', displayName: '中仓分中心 李敏', role: Role.TownshipClerk, townshipId: 1 },
  { username: 'songzhuang', displayName: '宋庄分中心 王芳', role: Role.TownshipClerk, townshipId: 12 },
  { username: 'clerk', displayName: '复议承办人 张伟', role: Role.ReconsiderationClerk, townshipId: null, section: '审理一科' },
  { username: 'clerk2', displayName: '复议承办人 黄蕾', role: Role.ReconsiderationClerk, townshipId: null, section: '审理二科' },
  { username: 'chief', displayName: '审理一科科长 刘洋', role: Role.SectionChief, townshipId: null, section: '审理一科' },
  { username: 'head', displayName: '复议机构负责人 陈静', role: Role.OfficeHead, townshipId: null },
  { username: 'mediator', displayName: '调解员 赵磊', role: Role.Mediator, townshipId: null },
  { username: 'liaison', displayName: '府院联络员 孙丽', role: Role.LiaisonOfficer, townshipId: null },
  { username: 'admin', displayName: '系统管理员 周强', role: Role.Admin, townshipId: null },
  { username: 'auditor', displayName: '安全审计员 吴霞', role: Role.Auditor, townshipId: null },
  { username: 'secadmin', displayName: '安全管理员 郑涛', role: Role.SecurityAdmin, townshipId: null },
];

/** Idempotent: re-running it adds what is missing and changes nothing else. */
export async function seedDemoDistrict(ds: DataSource): Promise<{ usersCreated: number }> {
  return ds.transaction(async (m) => {
    for (const t of TOWNSHIPS) {
      await m.query('INSERT INTO townships (id, code, name, kind) VALUES ($1,$2,$3,$4) ON CONFLICT (id) DO NOTHING', [t.id, t.code, t.name, t.kind]);
    }
    // A superior the administrator has set is kept (only an empty one is filled).
    for (const name of DEPARTMENTS) {
      await m.query(`INSERT INTO departments (name, kind, superior) VALUES ($1, 'department', $2) ON CONFLICT (name) DO UPDATE SET superior = coalesce(departments.superior, EXCLUDED.superior)`,
        [name, DEPARTMENT_SUPERIORS[name] ?? null]);
    }
    // About 30% of cases are against the street/town governments themselves.
    for (const t of TOWNSHIPS) {
      const name = t.kind === 'street' ? `${t.name}办事处` : `${t.name}人民政府`;
      await m.query(`INSERT INTO departments (name, kind, township_id, superior) VALUES ($1, 'township_gov', $2, $3)
                     ON CONFLICT (name) DO UPDATE SET superior = coalesce(departments.superior, EXCLUDED.superior)`, [name, t.id, TOWNSHIP_GOVERNMENT_SUPERIOR]);
    }
    const hash = await hashPassword(DEMO_PASSWORD);
    let usersCreated = 0;
    for (const u of DEMO_USERS) {
      const rows = await m.query(
        `INSERT INTO users (username, display_name, role, township_id, password_hash, section) VALUES ($1,$2,$3,$4,$5,$6)
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [u.username, u.displayName, u.role, u.townshipId, hash, u.section ?? null],
      );
      usersCreated += rows.length;
    }
    return { usersCreated };
  });
}

export function demoUsersTable(): string {
  return DEMO_USERS.map((u) => `  ${u.username.padEnd(12)} ${ROLE_LABELS[u.role]}  ${u.displayName}`).join('\n');
}
