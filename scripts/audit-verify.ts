import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig, verifyAuditChains } from '@fuyi/platform';
import { SCHEMA } from '../db/schema';

/** `npm run audit:verify`: recomputes every audit hash chain; exits 1 if any row was changed or removed. */
async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await new DataSource(dataSourceOptions(config.databaseUrl, SCHEMA)).initialize();
  try {
    const result = await verifyAuditChains(ds, 5000, config.auditKey);
    console.log(JSON.stringify(result, null, 2));
    if (result.breaks.length) {
      console.error(`审计链校验失败：发现 ${result.breaks.length} 处异常`);
      process.exitCode = 1;
    } else {
      console.log(`审计链完好：${result.chains} 条链，${result.rows} 条记录`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(`审计链校验无法完成：${(e as Error).message}`);
  process.exit(2);
});
