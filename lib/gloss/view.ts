/**
 * A text as a reader sees it in one target language: its blocks with their glosses and status,
 * its title and progress. Made by lib/library/load.ts; read by the pages, the exports and search.
 * Types only.
 */
import type { TargetLanguage } from '@/lib/i18n/target-language';
import type { RetiredEntry } from '@/lib/text/ids';
import type { Block, TextMeta } from '@/lib/text/types';
import type { GlossStatus } from './types';

export interface BlockView extends Block {
  /**
   * The gloss in the view's language (`TextView.lang`: English unless another was asked for; the
   * name is from when English was the only one); absent when untranslated. Breaks never have one.
   */
  en?: string;
  /** Absent on breaks, which have nothing to translate. */
  status?: GlossStatus;
  /** When stale: the Chinese the gloss was written for. */
  staleFrom?: string;
  /** When changed differently on two servers (git sync): every version, until one is saved. The gloss shown stays `en`. */
  conflict?: GlossConflictView;
}

/** The versions of a gloss changed differently on two servers (git sync). */
export interface GlossConflictView {
  versions: { text: string; author: string; revision: string }[];
}

export interface TitleView {
  zh: string;
  /** The title's gloss in the view's language (see BlockView.en). */
  en?: string;
  status: GlossStatus;
  /** As a block's (BlockView.conflict): the title changed differently on two servers. */
  conflict?: GlossConflictView;
}

export interface Progress {
  glossed: number;
  total: number;
}

export interface TextView {
  slug: string;
  file: string;
  /** The language of the glosses in this view: `en` unless loaded with another (see loadText). */
  lang: TargetLanguage;
  meta: TextMeta;
  title: TitleView;
  blocks: BlockView[];
  retired: RetiredEntry[];
  progress: Progress;
  /** Problems with the source that did not stop it from being read (e.g. bad front matter). */
  problems: string[];
  /** Why the English could not be loaded; the Chinese is still shown. */
  glossError?: string;
  /** Entries of the state file (or the whole file) that could not be read; their glosses show as drafts. */
  stateError?: string;
  /** The id ledger does not match the source: run `npm run sync` to record new ids. */
  ledgerOutOfDate: boolean;
}
