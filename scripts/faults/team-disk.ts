// Rounds of `npm run test:faults` for comments, translator's notes, glossary terms and word
// boundaries on a full disk and a read-only store (the same small tmpfs as the saves' rounds in
// store-faults.ts): each write answers 507 (full) or 503 (read-only) with a reason, nothing in
// content/ or locales/ changes, every file still parses, the server keeps serving pages, and the
// same write lands once the disk has room or is writable again.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { check, sameSnapshot, SLUG } from './common';
import { withSmallDisk } from './store-faults';
import { paragraphs, teamWrites, unparsedFiles, type WriteAnswer, type WriteKind } from './team-writes';

/** Every file of content/ and locales/en/ with its bytes (the data a refused write must leave alone). */
function snapshotData(data: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ['content', path.join('locales', 'en')]) {
    for (const name of readdirSync(path.join(data, folder))) {
      if (name.startsWith('.')) continue;
      files.set(path.join(folder, name), readFileSync(path.join(data, folder, name)).toString('base64'));
    }
  }
  return files;
}

const acknowledged = (answer: WriteAnswer) => answer.status >= 200 && answer.status < 300;
const describe = (answers: WriteAnswer[]) => answers.map((a) => `${a.status} ${a.error ?? '(no message)'}`).join('; ');

export async function teamDiskRounds() {
  const started = Date.now();
  const tally = { attempted: 0, acknowledged: 0, refused: 0, lost: 0 };
  await withSmallDisk('team writes on a full disk and a read-only store', async ({ data, origin, fill, free, readOnly }) => {
    const blocks = paragraphs(data);
    const writes = teamWrites(blocks);
    const kinds: WriteKind[] = [writes.comments, writes.notes, writes.glossary, writes.terms];
    let seq = 0;
    const write = async (kind: WriteKind, n: number) => {
      tally.attempted += 1;
      const answer = await kind.write(origin, n, 0);
      if (acknowledged(answer)) tally.acknowledged += 1;
      else tally.refused += 1;
      return answer;
    };
    /** Writes each kind once (number `n`); each must be acknowledged and stored. */
    const landEach = async (label: string, numbers: Map<WriteKind, number>) => {
      for (const kind of kinds) {
        const answer = await write(kind, numbers.get(kind) ?? (seq += 1));
        const stored = answer.key !== undefined && kind.stored(data).has(answer.key);
        if (acknowledged(answer) && !stored) tally.lost += 1;
        check(`${kind.name}: ${label}, a write answers 2xx and is stored`, acknowledged(answer) && stored, describe([answer]));
      }
    };
    const pagesServed = async (label: string) => {
      const [text, page] = await Promise.all([
        fetch(`${origin}/api/texts/${SLUG}`),
        fetch(`${origin}/read/${SLUG}/p/${blocks[0]?.id ?? ''}`),
      ]);
      check(
        `team writes: ${label}, the server keeps serving the text and its pages`,
        text.ok && page.ok,
        `${text.status}, ${page.status}`,
      );
    };
    /** Writes each kind on the faulty store: refused with `status` and a reason, nothing changed. */
    const refuseEach = async (label: string, status: number): Promise<Map<WriteKind, number>> => {
      const before = snapshotData(data);
      const numbers = new Map<WriteKind, number>();
      for (const kind of kinds) {
        const n = (seq += 1);
        numbers.set(kind, n);
        const answer = await write(kind, n);
        check(
          `${kind.name}: ${label}, a write answers ${status} with a reason`,
          answer.status === status && typeof answer.error === 'string' && answer.error !== '',
          describe([answer]),
        );
      }
      const changed = sameSnapshot(before, snapshotData(data));
      check(`team writes: ${label}, nothing in content/ or locales/ changed`, changed.length === 0, changed.join(', '));
      const broken = unparsedFiles(data, kinds);
      check(`team writes: ${label}, every file parses`, broken.length === 0, broken.join('; '));
      await pagesServed(label);
      return numbers;
    };

    await landEach('with room', new Map());
    fill();
    const onFullDisk = await refuseEach('full disk', 507);
    free();
    await landEach('room again, the same write', onFullDisk);
    if (readOnly(true)) {
      const onReadOnly = await refuseEach('read-only store', 503);
      readOnly(false);
      await landEach('writable again, the same write', onReadOnly);
    }
  });
  if (tally.attempted > 0)
    console.log(
      `team writes (full disk, read-only): ${tally.attempted} writes attempted, ${tally.acknowledged} acknowledged, ${tally.refused} refused, ${tally.lost} lost, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
}
