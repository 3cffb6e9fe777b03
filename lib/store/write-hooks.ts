import 'server-only';
import { processState } from '@/lib/process-state';

/**
 * What a store write tells the parts that follow the files (git sync): which text and language,
 * which keys, and who made the change. Listeners run under the text's lock, after the write is
 * durable; a listener that fails is logged and never fails the write. No listener, no cost.
 */
export interface StoreWrite {
  slug: string;
  lang: string;
  /** The keys whose gloss text changed (saves, reverts); empty for other writes. */
  glossKeys: readonly string[];
  authors: readonly string[];
}

type Listener = (write: StoreWrite) => Promise<void> | void;

// Once per process (lib/process-state.ts): route handlers and instrumentation are separate bundles.
function listeners(): Set<Listener> {
  return processState<Set<Listener>>('store-write-listeners', () => new Set());
}

/** Adds a listener to every store write; returns the function that removes it. */
export function onStoreWrite(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Tells every listener of a write (call it under the text's lock, once the write is durable). */
export async function notifyStoreWrite(write: StoreWrite): Promise<void> {
  for (const listener of listeners()) {
    try {
      await listener(write);
    } catch (error) {
      console.error(`A listener of writes to "${write.slug}" failed (the write itself landed):`, error);
    }
  }
}
