// The embedded database's data directory is locked so a second process cannot corrupt it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLocked, openDatabase } from '../../../src/persistence/database.js';
import { acquireDataDirLock, LOCK_FILE_NAME } from '../../../src/persistence/data-dir-lock.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop() ?? '', { recursive: true, force: true });
});
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'jinzai-lock-'));
  dirs.push(dir);
  return dir;
};

/** The pid of a process that has already exited. */
const deadPid = (): number => {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
};

describe('data dir lock', () => {
  it('refuses a second open of the same embedded data dir with a clear error, and frees it on close', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    const lockPath = join(dataDir, LOCK_FILE_NAME);
    expect(readFileSync(lockPath, 'utf8').trim()).toBe(String(process.pid));

    const second = openDatabase({ dataDir });
    await expect(second).rejects.toBeInstanceOf(DataDirLocked);
    await expect(openDatabase({ dataDir })).rejects.toThrow(new RegExp(`${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is already in use by this process \\(pid ${process.pid}\\)`));

    await first.close();
    expect(existsSync(lockPath)).toBe(false);
    acquireDataDirLock(dataDir).release(); // free for the next process
  });

  it('takes over a stale lock left by a process that died', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${deadPid()}\n`);
    const lock = acquireDataDirLock(dataDir);
    expect(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    lock.release(); // idempotent
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('names the live process holding the lock', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, LOCK_FILE_NAME), `${process.ppid}\n`);
    expect(() => acquireDataDirLock(dataDir)).toThrow(`in use by process ${process.ppid}`);
  });
});
