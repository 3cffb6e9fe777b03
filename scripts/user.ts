// `npm run user -- add <name> --role <role> [--lang en,fr] [--text <slug>]`, `user list [--json]`,
// `user set <name> [--role …] [--lang …] [--text …] [--password]`, `user remove <name>`: the accounts
// in <data>/.accounts/accounts.json (see docs/team.md). Passwords are read from standard input or
// asked for at a prompt, never taken from the command line (it would land in the shell history).
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { addUser, listUsers, removeUser, setUser, type AccountOutcome } from '@/lib/library/accounts';
import { exitFlushed, quietOnClosedPipe } from './lib/exit';

const USAGE = [
  'Usage: npm run user -- add <name> --role reader|translator|reviewer|admin [--lang en,fr] [--text <slug>]…',
  '       npm run user -- set <name> [--role <role>] [--lang en,fr | --lang ""] [--text <slug>… | --text ""] [--password]',
  '       npm run user -- remove <name>',
  '       npm run user -- list [--json]',
  'The password is read from standard input (echo -n "…" | npm run user -- add …) or asked for.',
].join('\n');

/** A password from a pipe, or typed at a prompt without echo. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (text: string) => void };
  process.stderr.write('Password: ');
  muted._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

/** `--lang en,fr --lang de` → `['en', 'fr', 'de']`; `--lang ""` → `[]` (clears the limit). */
function listOption(values: string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

async function main() {
  quietOnClosedPipe();
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        lang: { type: 'string', multiple: true },
        text: { type: 'string', multiple: true },
        password: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return exitFlushed(2);
  }
  const { values, positionals } = parsed;
  const [verb, name, ...rest] = positionals;
  if (rest.length > 0 || (verb === 'list') !== (name === undefined) || !['add', 'set', 'remove', 'list'].includes(verb ?? '')) {
    console.error(USAGE);
    return exitFlushed(2);
  }
  if (verb === 'list') {
    const users = await listUsers();
    if (values.json) console.log(JSON.stringify(users, null, 2));
    else if (users.length === 0) console.log('No accounts yet (EDITORS, READERS and EDITOR_TOKEN still work).');
    else
      for (const user of users)
        console.log(
          `${user.name.padEnd(20)} ${user.role.padEnd(10)} ${user.langs.length ? `languages ${user.langs.join(',')}` : 'all languages'}; ${user.texts.length ? `texts ${user.texts.join(',')}` : 'all texts'}`,
        );
    return exitFlushed(0);
  }
  const limits = {
    ...(values.lang !== undefined ? { langs: listOption(values.lang) } : {}),
    ...(values.text !== undefined ? { texts: listOption(values.text) } : {}),
  };
  let outcome: AccountOutcome;
  if (verb === 'add') {
    if (!values.role) {
      console.error(`add needs --role\n${USAGE}`);
      return exitFlushed(2);
    }
    outcome = await addUser(name ?? '', await readPassword(), { role: values.role, ...limits });
  } else if (verb === 'set') {
    outcome = await setUser(name ?? '', {
      ...(values.role !== undefined ? { role: values.role } : {}),
      ...limits,
      ...(values.password ? { password: await readPassword() } : {}),
    });
  } else outcome = await removeUser(name ?? '');
  if (!outcome.ok) {
    console.error(outcome.error);
    return exitFlushed(1);
  }
  const { account } = outcome;
  const done = verb === 'add' ? 'Added' : verb === 'set' ? 'Changed' : 'Removed';
  console.log(
    `${done} ${account.name} (${account.role}${account.langs.length ? `, ${account.langs.join(',')}` : ''}${account.texts.length ? `, ${account.texts.join(',')}` : ''})`,
  );
  return exitFlushed(0);
}

void main();
