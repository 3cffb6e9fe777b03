// Sign-in figures for `npm run bench`: the latency of an ordinary page request (GET /, the
// library) alone and while 8 clients keep sending wrong passwords. Before the asynchronous
// scrypt, 8 concurrent wrong sign-ins pushed an ordinary request from 9 ms to 2–6 s.
import { scryptSync, randomBytes } from 'node:crypto';
import { startServer } from '../lib/next-server';

const ms = (value: number) => `${value.toFixed(1)} ms`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function pageLatencies(origin: string, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await (await fetch(`${origin}/`)).text();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

export async function signInFigures(env: NodeJS.ProcessEnv): Promise<void> {
  const salt = randomBytes(16);
  const hash = `scrypt$${salt.toString('base64url')}$${scryptSync('right password', salt, 32).toString('base64url')}`;
  // TRUST_PROXY lets each attacker request claim its own address, as a distributed attack would.
  const server = await startServer({ ...env, EDITORS: `ann:${hash}`, TRUST_PROXY: '1' });
  try {
    await pageLatencies(server.origin, 5); // warm up
    const alone = await pageLatencies(server.origin, 30);
    let running = true;
    const answers = new Map<number, number>();
    const attacker = async (n: number) => {
      for (let i = 0; running; i += 1) {
        const response = await fetch(`${server.origin}/api/session`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: server.origin,
            'x-forwarded-for': `10.${n}.${(i >> 8) & 255}.${i & 255}`,
          },
          body: JSON.stringify({ name: 'ann', password: `wrong ${n} ${i}` }),
        });
        await response.arrayBuffer();
        answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
      }
    };
    const attackers = Array.from({ length: 8 }, (_, n) => attacker(n));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const during = await pageLatencies(server.origin, 30);
    running = false;
    await Promise.all(attackers);
    const summary = [...answers].map(([status, count]) => `${count} × ${status}`).join(', ');
    console.log(
      `sign-in: GET / alone p50 ${ms(percentile(alone, 50))}, p95 ${ms(percentile(alone, 95))}; during 8 concurrent wrong sign-ins ` +
        `p50 ${ms(percentile(during, 50))}, p95 ${ms(percentile(during, 95))}, max ${ms(during.at(-1) ?? 0)} (attempts answered: ${summary})`,
    );
  } finally {
    await server.stop();
  }
}
