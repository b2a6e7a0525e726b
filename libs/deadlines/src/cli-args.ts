import type { DeadlineInput, DeadlineResult } from './compute-deadline';
import { DeadlineErrorCode, deadlineError, requireDate } from './errors';
import { isRuleId, RULE_IDS } from './rules';
import type { SuspensionInput } from './suspensions';

export const DEADLINE_CLI_USAGE = [
  '用法：--rule <规则> --from <YYYY-MM-DD> [--suspend <中止日>..<恢复日>]... [--extend <天数>] [--as-of <YYYY-MM-DD>]',
  '  --suspend 2026-08-20..2026-08-25  中止于8月20日、8月25日恢复；恢复日留空（2026-08-20..）表示尚未恢复，须同时给出 --as-of',
  `  规则：${RULE_IDS.join('、')}`,
].join('\n');

const FLAGS = new Set(['--rule', '--from', '--suspend', '--extend', '--as-of']);

const bad = (message: string, field: string) =>
  deadlineError(DeadlineErrorCode.InvalidArgument, `${message}\n${DEADLINE_CLI_USAGE}`, field);

/**
 * Parses `--rule <rule> --from <date> [--suspend S..R]... [--extend n] [--as-of date]` (also `--flag=value`).
 * Pure: no I/O, no clock; throws DomainError on bad input.
 */
export function parseDeadlineArgs(argv: readonly string[]): DeadlineInput {
  const values = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!FLAGS.has(flag)) throw bad(`无法识别的参数「${arg}」`, 'argv');
    let value: string | undefined;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || FLAGS.has(value)) throw bad(`参数 ${flag} 缺少取值`, flag.slice(2));
      i++;
    }
    values.set(flag, [...(values.get(flag) ?? []), value]);
  }
  for (const flag of ['--rule', '--from', '--extend', '--as-of']) {
    if ((values.get(flag)?.length ?? 0) > 1) throw bad(`参数 ${flag} 只能出现一次`, flag.slice(2));
  }

  const rule = values.get('--rule')?.[0];
  if (rule === undefined) throw bad('缺少参数 --rule', 'rule');
  if (!isRuleId(rule)) {
    throw deadlineError(DeadlineErrorCode.UnknownRule, `未知的期限规则「${rule}」，可用：${RULE_IDS.join('、')}`, 'rule');
  }
  const from = values.get('--from')?.[0];
  if (from === undefined) throw bad('缺少参数 --from', 'from');
  const input: DeadlineInput = { rule, start: requireDate(from, 'from', '起算日期') };

  const suspensions = (values.get('--suspend') ?? []).map(parseSuspension);
  if (suspensions.length) input.suspensions = suspensions;

  const extend = values.get('--extend')?.[0];
  if (extend !== undefined) {
    if (!/^\d+$/.test(extend)) {
      throw deadlineError(DeadlineErrorCode.InvalidExtension, `延长天数「${extend}」无效，应为正整数`, 'extend');
    }
    input.extensionDays = Number(extend);
  }
  const asOf = values.get('--as-of')?.[0];
  if (asOf !== undefined) input.asOf = requireDate(asOf, 'as-of', '计算基准日');
  return input;
}

function parseSuspension(text: string): SuspensionInput {
  const m = /^([^.]+)\.\.([^.]*)$/.exec(text);
  if (!m) {
    throw deadlineError(
      DeadlineErrorCode.InvalidSuspension,
      `中止期间「${text}」格式无效，应为 中止日..恢复日（恢复日可留空）`,
      'suspend',
    );
  }
  const from = requireDate(m[1], 'suspend', '中止开始日');
  return m[2] === '' ? { from } : { from, to: requireDate(m[2], 'suspend', '恢复日') };
}

/** Stable, pretty-printed JSON of a result (key order as in DeadlineResult). */
export function formatDeadlineJson(result: DeadlineResult): string {
  return JSON.stringify(result, null, 2);
}
