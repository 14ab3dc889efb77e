// An application-level lock on the embedded data directory.
//
// PGlite takes no lock of its own: two processes can open the same directory and corrupt it. We create
// `<dataDir>/jinzai.lock` with O_EXCL and write our pid into it. A lock left behind by a dead process
// (crash, SIGKILL) is taken over; a live holder makes the second open fail with DataDirLocked.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'jinzai.lock';

export class DataDirLocked extends Error {
  readonly dataDir: string;
  readonly holderPid: number | undefined;

  constructor(dataDir: string, holderPid: number | undefined) {
    const holder = holderPid === undefined ? 'another process' : holderPid === process.pid ? `this process (pid ${holderPid})` : `process ${holderPid}`;
    super(
      `The data directory ${dataDir} is already in use by ${holder}. ` +
        `Stop that process first, or point DATA_DIR at another directory. ` +
        `If no such process is running, delete ${join(dataDir, LOCK_FILE_NAME)}.`,
    );
    this.name = 'DataDirLocked';
    this.dataDir = dataDir;
    this.holderPid = holderPid;
  }
}

export type DataDirLock = { release(): void };

const readHolderPid = (path: string): number | undefined => {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

const tryCreate = (path: string): boolean => {
  try {
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, `${process.pid}\n`);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
};

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  if (!tryCreate(path)) {
    const holder = readHolderPid(path);
    // A lock we cannot read (half-written) or one held by a live process is respected.
    if (holder === undefined || isAlive(holder)) throw new DataDirLocked(dataDir, holder);
    unlinkSync(path); // stale: its owner died without releasing it
    if (!tryCreate(path)) throw new DataDirLocked(dataDir, readHolderPid(path));
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      // Only remove the file if it is still ours (never delete a lock another process took over).
      if (readHolderPid(path) === process.pid) {
        try {
          unlinkSync(path);
        } catch {
          /* already gone */
        }
      }
    },
  };
}
