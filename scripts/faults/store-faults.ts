// Rounds of `npm run test:faults` that take the disk away from a running server: a full disk
// (507, nothing changed, the same save lands once there is room) and a read-only store (503,
// nothing changed). They need a small tmpfs, so they run as root where mounting works (as CI
// does) and are skipped with a message elsewhere.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../lib/next-server';
import {
  blockIds,
  check,
  copyData,
  historyTexts,
  readGlosses,
  revisions,
  sameSnapshot,
  save,
  serverEnv,
  skip,
  snapshotLocales,
} from './common';

function run(command: string, args: string[]): { ok: boolean; error: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, error: (result.stderr || result.error?.message || '').trim() };
}

/** Fills the file system holding `file` until a write of one page fails. */
function fill(file: string) {
  for (const size of [1 << 20, 64 << 10, 4 << 10, 512]) {
    const chunk = Buffer.alloc(size, 0x20);
    for (;;) {
      try {
        appendFileSync(file, chunk);
      } catch {
        break;
      }
    }
  }
}

function everyFileParses(data: string): string[] {
  const dir = path.join(data, 'locales', 'en');
  const broken: string[] = [];
  for (const name of readdirSync(dir)) {
    try {
      const text = readFileSync(path.join(dir, name), 'utf8');
      if (name.endsWith('.json')) JSON.parse(text);
    } catch (error) {
      broken.push(`${name}: ${error instanceof Error ? error.message : error}`);
    }
  }
  return broken;
}

/** A server on a copy of the data in a small tmpfs: what `use` is given to fill and remount. */
export interface SmallDisk {
  data: string;
  origin: string;
  /** Fills the disk until a write of one page fails; `free()` gives the room back. */
  fill(): void;
  free(): void;
  /** Remounts the store read-only (false when that cannot be done here), or writable again. */
  readOnly(on: boolean): boolean;
}

/**
 * Runs `body` against a server on a copy of the data in a 1 MB tmpfs, then stops the server and
 * unmounts. Needs root (CI runs as root); skipped with a message elsewhere. An error thrown by
 * `body` is a failed check named after the round.
 */
export async function withSmallDisk(name: string, body: (disk: SmallDisk) => Promise<void>): Promise<void> {
  if (process.getuid?.() !== 0) return skip(name, 'mounting a small tmpfs needs root (CI runs as root)');
  const mountPoint = mkdtempSync(path.join(tmpdir(), 'bilingual-tmpfs-'));
  const mounted = run('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
  if (!mounted.ok) {
    rmSync(mountPoint, { recursive: true, force: true });
    return skip(name, `cannot mount a tmpfs here (${mounted.error})`);
  }
  let server: RunningServer | undefined;
  try {
    const data = copyData(mountPoint);
    server = await startServer(serverEnv(data));
    const filler = path.join(data, 'filler');
    await body({
      data,
      origin: server.origin,
      fill: () => fill(filler),
      free: () => rmSync(filler, { force: true }),
      readOnly: (on) => {
        const remounted = run('mount', ['-o', on ? 'remount,ro' : 'remount,rw', mountPoint]);
        if (!remounted.ok && on) skip(`${name}: read-only store`, `cannot remount read-only (${remounted.error})`);
        return remounted.ok;
      },
    });
  } catch (error) {
    check(`${name}: the round finished`, false, error instanceof Error ? error.message : String(error));
  } finally {
    await server?.stop('SIGKILL');
    run('umount', ['-l', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  }
}

export async function storeFaultRounds() {
  await withSmallDisk('full disk and read-only store', async ({ data, origin, fill: fillDisk, free, readOnly }) => {
    const ids = blockIds(data);
    const base = await revisions(origin);
    const [first, ...rest] = ids;
    const fits = await save(origin, first ?? '', 'Saved while there was room.', base.get(first ?? '') ?? '');
    check('full disk: a save with room answers 200', fits.status === 200, `status ${fits.status}`);

    fillDisk();
    const before = snapshotLocales(data);
    const targets = rest.slice(0, 4);
    const refused = [];
    for (const id of targets) refused.push(await save(origin, id, `A save on a full disk: ${id}.`, base.get(id) ?? ''));
    check(
      'full disk: every save answers 507 with a JSON message',
      refused.every((a) => a.status === 507 && typeof a.body?.error === 'string'),
      refused.map((a) => `${a.status} ${a.body?.error ?? '(no JSON)'}`).join('; '),
    );
    check(
      'full disk: nothing in locales/ changed',
      sameSnapshot(before, snapshotLocales(data)).length === 0,
      sameSnapshot(before, snapshotLocales(data)).join(', '),
    );
    check('full disk: every locale file parses', everyFileParses(data).length === 0, everyFileParses(data).join('; '));
    free();
    const retried = await save(
      origin,
      targets[0] ?? '',
      `A save on a full disk: ${targets[0]}.`,
      base.get(targets[0] ?? '') ?? '',
    );
    check(
      'full disk: once there is room, the same save (same base) answers 200',
      retried.status === 200,
      `status ${retried.status} ${retried.body?.error ?? ''}`,
    );
    check(
      'full disk: that save is on disk with its history entry',
      readGlosses(data)[targets[0] ?? ''] === `A save on a full disk: ${targets[0]}.` &&
        historyTexts(data).has(`A save on a full disk: ${targets[0]}.`),
    );

    if (readOnly(true)) {
      const beforeRo = snapshotLocales(data);
      const now = await revisions(origin);
      const id = targets[1] ?? '';
      const answer = await save(origin, id, 'A save on a read-only store.', now.get(id) ?? '');
      check(
        'read-only store: a save answers 503 with a JSON message',
        answer.status === 503 && typeof answer.body?.error === 'string',
        `${answer.status} ${answer.body?.error ?? '(no JSON)'}`,
      );
      check('read-only store: nothing in locales/ changed', sameSnapshot(beforeRo, snapshotLocales(data)).length === 0);
      readOnly(false);
      const again = await save(origin, id, 'A save on a read-only store.', now.get(id) ?? '');
      check('read-only store: writable again, the same save answers 200', again.status === 200, `status ${again.status}`);
    }
  });
}
