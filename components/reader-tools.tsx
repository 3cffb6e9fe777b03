'use client';

import { useId, useState, type ReactNode } from 'react';

/**
 * The reading page's controls (layout, options, pinyin, download, search in the text): shown in
 * full on a wide screen; on a phone folded behind one button, so that the text starts on the first
 * screen (app/styles/text-header.css). Without JavaScript they are never folded.
 */
export function ReaderTools({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="reader-tools" data-open={open || undefined}>
      <button
        type="button"
        className="reader-tools-toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      <div id={id} className="reader-tools-body">
        {children}
      </div>
    </div>
  );
}
