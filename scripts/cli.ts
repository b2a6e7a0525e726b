import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { DomainError, type Actor, type Role } from '@fuyi/kernel';
import { userInfo } from 'node:os';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AuditService, dataSourceOptions, loadConfig, OperatorAccounts, UnitOfWork } from '@fuyi/platform';
import { computeDeadline, DEADLINE_CLI_USAGE, formatDeadlineJson, packagedCalendar, parseDeadlineArgs, type WorkingCalendar } from '@fuyi/deadlines';
import { CalendarService, loadCalendar } from '@fuyi/clocks';
import { SCHEMA } from '../db/schema';
import { CliModule } from './cli.module';

const USAGE = `用法：
  npm run -s cli -- deadline --rule <规则> --from <YYYY-MM-DD> [--suspend <YYYY-MM-DD>..<YYYY-MM-DD>]... [--extend <天数>] [--as-of <YYYY-MM-DD>]
  npm run -s cli -- calendar load-year <年度> --reason <原因>
  npm run -s cli -- calendar set-day <YYYY-MM-DD> <holiday|workday|closure> <名称> --reason <原因>
  npm run -s cli -- calendar remove-day <YYYY-MM-DD> --reason <原因>
  npm run -s cli -- users create <用户名> --role <角色> --name <显示名> [--township <街乡镇编号>]
  npm run -s cli -- users reset-password <用户名>
    （系统管理员 admin、安全管理员 security_admin、安全审计员 auditor 的账号只能这样创建和重置；临时密码只显示一次，首次登录须修改）
${DEADLINE_CLI_USAGE}`;

async function connect(timeoutMs = 2000): Promise<DataSource | null> {
  const config = loadConfig();
  const ds = new DataSource(dataSourceOptions(config.databaseUrl, SCHEMA, { extra: { max: 2, connectionTimeoutMillis: timeoutMs } } as never));
  try {
    return await ds.initialize();
  } catch {
    return null;
  }
}

/** The seeded calendar from the database when reachable, else the packaged data; the output says which. */
async function deadline(argv: string[]): Promise<void> {
  const input = parseDeadlineArgs(argv);
  const ds = await connect();
  let calendar: WorkingCalendar;
  let source: string;
  if (ds) {
    const v = await ds.query('SELECT coalesce(max(version), 0)::int AS v FROM calendar_versions').then((r) => r[0].v as number, () => 0);
    calendar = v ? await loadCalendar(ds, v, loadConfig().makeUpDaysCount) : packagedCalendar();
    source = v ? `数据库工作日历（版本 ${v}）` : '程序内置数据（数据库尚未迁移或无日历）';
    await ds.destroy();
  } else {
    calendar = packagedCalendar();
    source = '程序内置数据（无法连接数据库）';
  }
  const result = computeDeadline(input, calendar);
  process.stdout.write(`${JSON.stringify({ ...JSON.parse(formatDeadlineJson(result)), calendarUsed: source })}\n`);
}

function option(argv: string[], name: string): string {
  const i = argv.indexOf(name);
  const value = i >= 0 ? argv[i + 1] : undefined;
  if (!value) throw new DomainError('CLI_MISSING_OPTION', `缺少 ${name}`, 'invalid');
  return value;
}

/** The CLI's services, from the same modules as the api's (a calendar change moves every kind of due date). */
async function withContext<T>(what: string, run: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const ds = await connect(5000);
  if (!ds) throw new DomainError('POSTGRES_UNREACHABLE', `无法连接数据库，${what}未修改`, 'unavailable');
  await ds.destroy();
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(loadConfig()), { logger: ['error'] });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

async function calendarCommand(argv: string[]): Promise<void> {
  await withContext('工作日历', async (app) => {
    const service = app.get(CalendarService);
    const cliActor = null as Actor | null; // recorded as a system change; the audit row carries the reason
    const [sub, ...rest] = argv;
    const reason = option(rest, '--reason');
    let result;
    if (sub === 'load-year') result = await service.loadYear(cliActor, reason, Number(rest[0]));
    else if (sub === 'set-day') result = await service.setDay(cliActor, reason, rest[0], rest[1] as never, rest[2]);
    else if (sub === 'remove-day') result = await service.removeDay(cliActor, reason, rest[0]);
    else throw new DomainError('CLI_UNKNOWN_COMMAND', `未知的日历命令：${sub ?? ''}`, 'invalid');
    process.stdout.write(`${JSON.stringify(result)}\n`);
  });
}

/** 三员: the operator's account commands, on the database directly, audited (libs/platform OperatorAccounts). */
async function usersCommand(argv: string[]): Promise<void> {
  await withContext('账号', async (app) => {
    const accounts = new OperatorAccounts(app.get(UnitOfWork), app.get(AuditService));
    const operator = userInfo().username;
    const [sub, username, ...rest] = argv;
    if (!username) throw new DomainError('CLI_MISSING_OPTION', '缺少用户名', 'invalid');
    let result: { id: string; password: string };
    if (sub === 'create') {
      const township = rest.includes('--township') ? Number(option(rest, '--township')) : null;
      result = await accounts.create({ username, role: option(rest, '--role') as Role, displayName: option(rest, '--name'), townshipId: township }, operator);
    } else if (sub === 'reset-password') {
      result = await accounts.resetPassword(username, operator);
    } else throw new DomainError('CLI_UNKNOWN_COMMAND', `未知的用户命令：${sub ?? ''}`, 'invalid');
    process.stdout.write(`${JSON.stringify({ userId: result.id, username, temporaryPassword: result.password, note: '临时密码只显示这一次；首次登录须修改' })}\n`);
  });
}

async function main(): Promise<void> {
  const [command, ...argv] = process.argv.slice(2);
  if (command === 'deadline') return deadline(argv);
  if (command === 'calendar') return calendarCommand(argv);
  if (command === 'users') return usersCommand(argv);
  throw new DomainError('CLI_UNKNOWN_COMMAND', `未知命令：${command ?? '(空)'}\n${USAGE}`, 'invalid');
}

main().catch((e) => {
  const message = e instanceof DomainError ? `${e.message}（${e.code}）` : (e as Error).message;
  process.stderr.write(`错误：${message}\n`);
  process.exit(2);
});
