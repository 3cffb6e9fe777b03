// Parsing figures for `npm run bench`: the time to parse one paragraph hard-wrapped over many
// lines (a Chinese .txt file with a newline per line and no blank lines), next to the same
// text on one line. Parsing is linear: 8,000 lines took 97.6 s before joinLines was fixed.
import { plainText } from '@/lib/text/inline';
import { parseText } from '@/lib/text/parse';

const LINE =
  '这是一段被硬换行的中文文字，每一行后面都有一个换行符，中间没有任何空行来分隔段落，读者在页面上看到的是连在一起的一整段文字。';

function timeParse(source: string): { ms: number; characters: number } {
  const started = performance.now();
  const parsed = parseText(source);
  const characters = parsed.blocks.reduce((sum, block) => sum + plainText(block.text).length, 0);
  return { ms: performance.now() - started, characters };
}

export function parseFigures(): void {
  for (const lines of [2000, 8000]) {
    const rows = Array.from({ length: lines }, (_, i) => `第${i}行：${LINE}`);
    const wrapped = timeParse(rows.join('\n'));
    const oneLine = timeParse(rows.join(''));
    const mb = (Buffer.byteLength(rows.join('\n')) / 1e6).toFixed(2);
    console.log(
      `parse: one paragraph over ${lines} lines (${mb} MB, ${wrapped.characters} characters) in ${wrapped.ms.toFixed(1)} ms; ` +
        `the same text on one line in ${oneLine.ms.toFixed(1)} ms`,
    );
  }
}
