import 'server-only';
import { spawn, type ChildProcess } from 'node:child_process';
import { namedError } from '@/lib/named-error';
import { processState } from '@/lib/process-state';

/**
 * The server voice: the one module that runs espeak-ng (Mandarin voice `cmn-latn-pinyin`, fed
 * numbered pinyin, see lib/learn/voice-input.ts) and opusenc (Debian's opus-tools), piping the
 * first's WAV into the second and answering Ogg Opus. Each run is bounded in time and output;
 * runs go one at a time through a short queue, so a burst of Listen clicks never starts a
 * process per request.
 */

export const VOICE = 'cmn-latn-pinyin';
export const AUDIO_TYPE = 'audio/ogg';
/** Changes whenever the command line changes, so cached audio made otherwise is not served. */
export const VOICE_VERSION = `espeak-ng/${VOICE}/s150/opus24-speech-comp5/1`;
/** A run is killed after this long (espeak-ng reads about 850 characters in 0.2 s). */
export const SYNTH_TIMEOUT_MS = 20_000;
/** Audio larger than this is refused (24 kbit/s: about 20 minutes). */
export const MAX_AUDIO_BYTES = 4 * 1024 * 1024;
/** Runs that may wait (the running one included); one more is refused with VoiceBusyError. */
export const MAX_QUEUED_RUNS = 8;

/** espeak-ng or opusenc is not installed. */
export class VoiceMissingError extends namedError('VoiceMissingError') {}
/** Too many runs waiting: try again shortly. */
export class VoiceBusyError extends namedError('VoiceBusyError') {}
/** A run failed, took too long or made too much audio. */
export class VoiceFailedError extends namedError('VoiceFailedError') {}

interface Queue {
  tail: Promise<unknown>;
  pending: number;
}
function queue(): Queue {
  return processState<Queue>('voice-queue', () => ({ tail: Promise.resolve(), pending: 0 }));
}

function missing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** One run: `espeak-ng -v cmn-latn-pinyin --stdout --stdin | opusenc - -`, text on stdin. */
function run(input: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const children: ChildProcess[] = [];
    let settled = false;
    const finish = (error: Error | undefined, audio?: Uint8Array) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      if (error) reject(error);
      else resolve(audio ?? new Uint8Array());
    };
    const timer = setTimeout(
      () => finish(new VoiceFailedError(`The voice took longer than ${SYNTH_TIMEOUT_MS / 1000} s`)),
      SYNTH_TIMEOUT_MS,
    );
    const onError = (name: string) => (error: Error) =>
      finish(
        missing(error)
          ? new VoiceMissingError(`${name} is not installed (Debian: apt-get install espeak-ng opus-tools)`)
          : new VoiceFailedError(`${name} failed`, { cause: error }),
      );

    const voice = spawn('espeak-ng', ['-v', VOICE, '-s', '150', '--stdout', '--stdin'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const encoder = spawn('opusenc', ['--quiet', '--speech', '--bitrate', '24', '--comp', '5', '-', '-'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    children.push(voice, encoder);
    voice.on('error', onError('espeak-ng'));
    encoder.on('error', onError('opusenc'));
    // A pipe closed early (the other side failed or was killed) is reported through exit codes.
    voice.stdin?.on('error', () => undefined);
    encoder.stdin?.on('error', () => undefined);
    voice.stdout?.pipe(encoder.stdin!);

    const chunks: Buffer[] = [];
    let size = 0;
    encoder.stdout?.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_AUDIO_BYTES) finish(new VoiceFailedError(`The audio would be larger than ${MAX_AUDIO_BYTES} bytes`));
      else chunks.push(chunk);
    });
    voice.on('close', (code) => {
      if (code !== 0 && code !== null) finish(new VoiceFailedError(`espeak-ng exited with ${code}`));
    });
    encoder.on('close', (code) => {
      if (code === 0 && size > 0) finish(undefined, new Uint8Array(Buffer.concat(chunks)));
      else finish(new VoiceFailedError(`opusenc exited with ${code ?? 'a signal'}`));
    });
    voice.stdin?.end(input);
  });
}

/**
 * Ogg Opus audio of numbered pinyin read by the Mandarin voice, after the runs queued before it.
 * `await synthesize('ni3 hao3')` → the bytes of an Ogg file (`OggS…`), about 6 KB.
 */
export function synthesize(input: string): Promise<Uint8Array> {
  const state = queue();
  if (state.pending >= MAX_QUEUED_RUNS)
    return Promise.reject(new VoiceBusyError('The voice is busy: try again in a few seconds'));
  state.pending += 1;
  const result = state.tail.then(() => run(input));
  const done = result.finally(() => {
    state.pending -= 1;
  });
  state.tail = done.catch(() => undefined);
  return done;
}
