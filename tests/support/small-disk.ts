// A small tmpfs for a browser profile, so that storage runs out for real (full disk, quota).
// Mounting needs root, as in CI; elsewhere the caller skips its tests, loudly.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  path: string;
  /** Why it could not be mounted; undefined when it was. */
  problem?: string;
  unmount(): void;
}

export function mountSmallDisk(prefix: string, megabytes = 64): SmallDisk {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const remove = () => rmSync(path, { recursive: true, force: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', path], { stdio: 'pipe' });
  } catch (error) {
    remove();
    return { path, problem: String((error as { stderr?: Buffer }).stderr ?? error).trim(), unmount() {} };
  }
  return {
    path,
    unmount() {
      execFileSync('umount', ['-l', path]);
      remove();
    },
  };
}
