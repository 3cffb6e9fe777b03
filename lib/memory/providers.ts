import 'server-only';
import { cedictTestProvider } from './cedict-provider';
import { chooseProvider, type MachineProvider, type ProviderFactory } from './machine';

/**
 * The machine-translation providers this server knows, by the name `BILINGUAL_MT_PROVIDER` gives.
 * A real engine is added here as one more factory (see docs/memory.md): a local Bergamot or Marian
 * model read from a path in the environment, or a server at a configured URL.
 */
const FACTORIES: Record<string, ProviderFactory> = { 'cedict-test': cedictTestProvider };

/** The configured provider (none by default), or why it could not be made. */
export function machineProvider(): MachineProvider | { error: string } | undefined {
  return chooseProvider(process.env, FACTORIES);
}
