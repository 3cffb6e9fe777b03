// What the fault rounds write besides glosses: comments, translator's notes, glossary terms and
// word boundaries (`.terms`), each through its route, with a way to see which of them are stored.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readJsonLines, SLUG, writerHeaders } from './common';

export interface WriteAnswer {
  status: number;
  /** The route's message when it refused. */
  error?: string;
  /** What to look for in the files when the write was acknowledged (an id, a term, a word). */
  key?: string;
}

export interface WriteKind {
  name: string;
  /** Write number `seq` (unique in the run) by client `c`; every paragraph id of the text is in `ids`. */
  write(origin: string, seq: number, c: number): Promise<WriteAnswer>;
  /** The keys stored in the data folder now. */
  stored(data: string): Set<string>;
  /** The files this kind writes, relative to the data folder (each must parse after any fault). */
  files: string[];
}

/** Two Chinese characters that no other `seq` of the run gives (a word, a term). */
export function hanPair(seq: number): string {
  return String.fromCodePoint(0x4e00 + 200 + (seq % 9000)) + String.fromCodePoint(0x6000 + Math.floor(seq / 9000));
}

async function send(origin: string, url: string, method: 'POST' | 'PUT', who: string, body: unknown) {
  const response = await fetch(`${origin}${url}`, { method, headers: writerHeaders(who), body: JSON.stringify(body) });
  const raw = await response.text();
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed };
}

const errorOf = (body: Record<string, unknown> | undefined) => (typeof body?.error === 'string' ? { error: body.error } : {});

function readJsonKeys(file: string): Set<string> {
  try {
    return new Set(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>));
  } catch {
    return new Set();
  }
}

/** The kinds of team writes, for a text whose paragraphs are `blocks` (id and Chinese). */
export function teamWrites(blocks: { id: string; zh: string }[]): Record<'comments' | 'notes' | 'glossary' | 'terms', WriteKind> {
  const paragraph = (seq: number) => blocks[seq % blocks.length] ?? { id: '', zh: '' };
  const notesFile = path.join('locales', 'en', `${SLUG}.notes.json`);
  const glossaryFile = path.join('locales', 'en', `${SLUG}.glossary.json`);
  const termsFile = path.join('content', `${SLUG}.terms`);
  const commentsFile = path.join('locales', 'en', `${SLUG}.comments.jsonl`);
  const logFile = path.join('content', `${SLUG}.annotations.jsonl`);
  return {
    comments: {
      name: 'comments',
      // Longer than a memory page in UTF-8, so a full disk cannot take it in a file's last page.
      write: async (origin, seq, c) => {
        const { id } = paragraph(seq);
        const answer = await send(origin, `/api/texts/${SLUG}/blocks/${id}/comments`, 'POST', `client-${c}`, {
          body: `Comment ${seq}: ${'评论'.repeat(800)}`,
        });
        const cid = (answer.body?.comment as { cid?: string } | undefined)?.cid;
        return { status: answer.status, ...errorOf(answer.body), ...(cid ? { key: cid } : {}) };
      },
      stored: (data) =>
        new Set(
          readJsonLines<{ type: string; cid: string }>(path.join(data, commentsFile))
            .entries.filter((e) => e.type === 'comment')
            .map((e) => e.cid),
        ),
      files: [commentsFile],
    },
    notes: {
      name: "translator's notes",
      write: async (origin, seq, c) => {
        const { id, zh } = paragraph(seq);
        const answer = await send(origin, `/api/texts/${SLUG}/notes`, 'POST', `client-${c}`, {
          block: id,
          quote: zh.slice(0, 2),
          body: `Note ${seq} from client ${c}.`,
        });
        const nid = (answer.body?.note as { id?: string } | undefined)?.id;
        return { status: answer.status, ...errorOf(answer.body), ...(nid ? { key: nid } : {}) };
      },
      stored: (data) => readJsonKeys(path.join(data, notesFile)),
      files: [notesFile, logFile],
    },
    glossary: {
      name: 'glossary terms',
      write: async (origin, seq, c) => {
        const term = hanPair(seq);
        const answer = await send(origin, `/api/texts/${SLUG}/glossary/${encodeURIComponent(term)}`, 'PUT', `client-${c}`, {
          en: [`Term ${seq}`],
        });
        return { status: answer.status, ...errorOf(answer.body), ...(answer.status === 200 ? { key: term } : {}) };
      },
      stored: (data) => readJsonKeys(path.join(data, glossaryFile)),
      files: [glossaryFile, logFile],
    },
    terms: {
      name: 'word boundaries',
      write: async (origin, seq, c) => {
        const word = hanPair(seq + 50_000);
        const answer = await send(origin, `/api/texts/${SLUG}/terms`, 'PUT', `client-${c}`, { add: [word] });
        return { status: answer.status, ...errorOf(answer.body), ...(answer.status === 200 ? { key: word } : {}) };
      },
      stored: (data) => {
        try {
          return new Set(
            readFileSync(path.join(data, termsFile), 'utf8')
              .split('\n')
              .map((line) => line.trim()),
          );
        } catch {
          return new Set();
        }
      },
      files: [termsFile, logFile],
    },
  };
}

/** The files of `kinds` that do not parse (JSON whole, JSON Lines line by line but a torn last one). */
export function unparsedFiles(data: string, kinds: WriteKind[]): string[] {
  const broken: string[] = [];
  for (const file of new Set(kinds.flatMap((k) => k.files))) {
    const full = path.join(data, file);
    try {
      if (file.endsWith('.json')) JSON.parse(readFileSync(full, 'utf8'));
      else if (file.endsWith('.jsonl')) {
        const { broken: lines } = readJsonLines(full);
        if (lines.length > 0) broken.push(`${file}: ${lines.length} broken lines`);
      } else readFileSync(full, 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ENOENT') broken.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return broken;
}

/** The paragraphs of the text in a data folder: id and Chinese. */
export function paragraphs(data: string): { id: string; zh: string }[] {
  const ledger = JSON.parse(readFileSync(path.join(data, 'content', `${SLUG}.ids.json`), 'utf8')) as {
    blocks: { id: string; zh: string }[];
  };
  return ledger.blocks.filter((b) => b.zh.length >= 2);
}
