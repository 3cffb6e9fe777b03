// `npm run -s editor:hash`: reads a password on standard input and prints its hash for the
// EDITORS / READERS settings, e.g. EDITORS="ann:<hash>;ben:<hash>". The password is read from
// standard input, not the command line, so it stays out of the shell history.
import { hashPassword } from '@/lib/auth/passwords';

async function main() {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password.length < 8) {
    console.error('Give a password of at least 8 characters on standard input: echo -n "…" | npm run -s editor:hash');
    process.exit(2);
  }
  console.log(hashPassword(password));
}

void main();
