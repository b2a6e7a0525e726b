import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '@fuyi/platform';
import { createBlobStorage, verifyStoredFiles } from '@fuyi/files';
import { SCHEMA } from '../db/schema';

/**
 * `npm run files:verify` (issue 18 item 7): reads every stored file back from the configured driver (FILES_DRIVER) and
 * checks it against the SHA-256 recorded at upload; exits 1 if any is missing or altered (a restore from a backup that
 * does not match the database, a disk fault, an edit by hand), 2 if the check could not run.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const ds = await new DataSource(dataSourceOptions(config.databaseUrl, SCHEMA, { extra: { max: 2 } } as never)).initialize();
  try {
    const report = await verifyStoredFiles(ds, createBlobStorage(config.files));
    console.log(JSON.stringify(report, null, 2));
    if (report.missing.length || report.altered.length) {
      console.error(`文件校验失败：共 ${report.checked} 个文件，缺失 ${report.missing.length} 个，被改动 ${report.altered.length} 个`);
      process.exitCode = 1;
    } else {
      console.log(`文件完好：共 ${report.checked} 个文件，内容与登记的 SHA-256 一致`);
    }
  } finally {
    await ds.destroy();
  }
}

main().catch((e) => {
  console.error(`文件校验无法完成：${(e as Error).message}`);
  process.exit(2);
});
