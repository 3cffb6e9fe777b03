'use client';

import { createContext, useContext } from 'react';
import type { Action } from '@/lib/auth/permissions';
import type { ExportedBlock } from '@/lib/api/contract';
import type { GlossStatus } from '@/lib/gloss/types';

// The editing context apart from its provider, so the rows and tools that only ask whether the
// reader edits do not bring the provider's code along.

export type { GlossStatus };

/** What the editor knows of one gloss, fresh from the API (not from the possibly cached page). */
export interface GlossRecord {
  en: string | null;
  status: GlossStatus;
  revision: string;
  zh: string;
  staleFrom?: string;
  /** Changed differently on two servers (git sync): every version kept, until a save resolves it. */
  conflict?: GlossConflict | undefined;
}

/** The versions of a gloss in conflict, as `GET /api/texts/<slug>` gives them. */
export type GlossConflict = NonNullable<ExportedBlock['conflict']>;

export interface EditingContextValue {
  slug: string;
  editor: string;
  records: Record<string, GlossRecord>;
  update: (id: string, record: Partial<GlossRecord>) => void;
  /** The row whose editor is open, if any. */
  editing: string | null;
  setEditing: (id: string | null) => void;
  announce: (message: string) => void;
  /** Reads every gloss of the text again (after an import), so the rows show what is on the server. */
  refresh: () => Promise<void>;
  /** The target language edited, when not English (see language-editing.tsx); saves go with `?lang=`. */
  lang?: string;
  /** Whether the signed-in role may do `action` on this text in `lang` (lib/auth/permissions.ts). */
  may: (action: Action, lang: string) => boolean;
}

export const EditingContext = createContext<EditingContextValue | null>(null);

/** The editing context, or null for readers (the page then shows no editing tools). */
export function useEditing(): EditingContextValue | null {
  return useContext(EditingContext);
}
