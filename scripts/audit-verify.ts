// npm run audit:verify — walk the whole audit trail and check every hash link.
// Uses DATABASE_URL / DATA_DIR like the app (read directly: this must work even when the rest of the
// configuration is incomplete). Exit 0: intact; 1: a broken link; 2: could not check.
import { DataDirLocked, openDatabase, type Database } from '../src/persistence/database.js';
import { verifyAuditChain } from '../src/persistence/audit/verify-audit-chain.js';
import { describeDbError } from '../src/persistence/errors.js';

const main = async (): Promise<number> => {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.DATA_DIR || './data';
  let database: Database | undefined;
  try {
    // migrate: false — checking the trail must never change the database.
    database = await openDatabase({ databaseUrl, dataDir, migrate: false });
    const started = Date.now();
    const result = await verifyAuditChain(database.db);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.ok) {
      console.log(`Audit trail intact: ${result.count} events verified in ${seconds} s.`);
      return 0;
    }
    console.error(`Audit trail BROKEN at seq ${result.brokenAtSeq}: ${result.reason}.`);
    console.error(`${result.count} events before it verified. Investigate before trusting any entry from seq ${result.brokenAtSeq} on.`);
    return 1;
  } catch (error) {
    if (error instanceof DataDirLocked) {
      console.error(`${error.message}\nThe embedded database can be opened by one process at a time: stop the app, then run this again.`);
    } else {
      const summary = describeDbError(error);
      const code = summary.code && !summary.message.includes(summary.code) ? ` [${summary.code}]` : '';
      const hint = summary.code === '42P01' ? ' (this database has never been migrated: start the app once)' : '';
      console.error(`Could not verify the audit trail: ${summary.message}${code}${hint}`);
    }
    return 2;
  } finally {
    await database?.close();
  }
};

process.exitCode = await main();
