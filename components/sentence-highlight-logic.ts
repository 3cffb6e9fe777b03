import { counterparts, decodeLinks, sentenceOrder, type SentenceRef } from '@/lib/align/row';

/**
 * The sentence highlight's work (see sentence-highlight.tsx, which loads this on first use):
 * pointing at or focusing a sentence (a `[data-s]` span of a row, see sentence-text.tsx) lights it
 * and its linked sentences in the other columns, by the links each target cell carries
 * (`data-links`); `[` and `]` move sentence by sentence within a row. The light is one style rule
 * written for the sentences concerned, so the page's own markup (word spans, ruby, notes) is never
 * touched; it is for the screen only. In `?layout=sentences` it gives each sentence its place after
 * its counterpart. `missed` are the events that came while this module loaded, handled first.
 * Answers the function that stops it.
 */
export function startSentenceHighlight(missed: readonly Event[]): () => void {
  const style = document.createElement('style');
  style.dataset.sentenceHighlight = '';
  document.head.append(style);
  let hovered: HTMLElement | null = null;
  let focused: HTMLElement | null = null;
  const show = () => {
    const from = hovered ?? focused;
    style.textContent = from ? highlightRules(from) : '';
  };
  const sentenceOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLElement>('.row [data-s]') : null;
  const onOver = (event: Event) => {
    const sentence = sentenceOf(event.target);
    if (sentence === hovered) return;
    hovered = sentence;
    show();
  };
  const onFocus = (event: Event) => {
    focused = sentenceOf(event.target);
    show();
  };
  const onKey = (event: KeyboardEvent) => {
    if ((event.key !== ']' && event.key !== '[') || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (!target || target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    const row = target.closest<HTMLElement>('.reader .row');
    if (!row) return;
    const stops = sentenceStops(row);
    const at = stops.findIndex((stop) => stop === target || stop.contains(target));
    const next = event.key === ']' ? stops[at + 1] : at > 0 ? stops[at - 1] : at < 0 ? stops[stops.length - 1] : undefined;
    if (!next) return;
    event.preventDefault();
    if (!next.hasAttribute('tabindex')) next.tabIndex = -1;
    next.focus();
  };
  const arrange = () => arrangeSentences(document.documentElement.dataset.layout === 'sentences');
  const layout = new MutationObserver(arrange);
  layout.observe(document.documentElement, { attributes: true, attributeFilter: ['data-layout'] });
  arrange();
  for (const event of missed) {
    if (event.type === 'pointerover') onOver(event);
    else if (event.type === 'focusin') onFocus(event);
    else if (event instanceof KeyboardEvent) onKey(event);
  }
  document.addEventListener('pointerover', onOver);
  document.addEventListener('focusin', onFocus);
  document.addEventListener('keydown', onKey);
  return () => {
    layout.disconnect();
    document.removeEventListener('pointerover', onOver);
    document.removeEventListener('focusin', onFocus);
    document.removeEventListener('keydown', onKey);
    style.remove();
  };
}

/** The row's Chinese cell and its target cells (those with links), in order. */
function cellsOf(row: HTMLElement): { zh: HTMLElement | null; targets: HTMLElement[] } {
  return {
    zh: row.querySelector<HTMLElement>(':scope > .cell-zh'),
    targets: [...row.querySelectorAll<HTMLElement>(':scope > [data-links]')],
  };
}

/** The first span of each sentence of a row that is shown, in document order: where `[` and `]` go. */
function sentenceStops(row: HTMLElement): HTMLElement[] {
  const seen = new Set<string>();
  const stops: HTMLElement[] = [];
  const { zh, targets } = cellsOf(row);
  for (const [n, cell] of [zh, ...targets].entries()) {
    for (const span of cell?.querySelectorAll<HTMLElement>('[data-s]') ?? []) {
      const key = `${n}:${span.dataset.s}`;
      if (seen.has(key) || span.getClientRects().length === 0) continue;
      seen.add(key);
      stops.push(span);
    }
  }
  return stops;
}

/** The style rule that lights `from`'s sentence and its counterparts (screen only). */
function highlightRules(from: HTMLElement): string {
  const row = from.closest<HTMLElement>('.row');
  const index = Number(from.dataset.s);
  if (!row?.id || !Number.isInteger(index)) return '';
  const { zh, targets } = cellsOf(row);
  const cell = from.closest<HTMLElement>('.cell');
  const ref: SentenceRef = cell === zh ? { cell: 'zh', index } : { cell: targets.indexOf(cell as HTMLElement), index };
  if (ref.cell === -1 || targets.length === 0) return '';
  const lit = counterparts(
    targets.map((target) => decodeLinks(target.dataset.links ?? '')),
    ref,
  );
  const rowSelector = `#${CSS.escape(row.id)}`;
  const childOf = (element: HTMLElement) => [...row.children].indexOf(element) + 1;
  const selectors = [
    ...lit.zh.map((i) => `${rowSelector}>.cell-zh [data-s="${i}"]`),
    ...lit.cells.flatMap((indexes, n) => {
      const target = targets[n];
      return target ? indexes.map((j) => `${rowSelector}>:nth-child(${childOf(target)}) [data-s="${j}"]`) : [];
    }),
  ];
  const own = cell ? `${rowSelector}>:nth-child(${childOf(cell)}) [data-s="${index}"]` : '';
  const unsure = lit.unsure ? 'text-decoration:underline dotted var(--muted);text-underline-offset:0.25em;' : '';
  return `@media screen{${selectors.join(',')}{background:var(--accent-soft);box-decoration-break:clone;-webkit-box-decoration-break:clone;${unsure}}${own}{box-shadow:inset 0 -2px var(--accent)}}`;
}

/** In the sentence layout, each sentence's flex order (sentenceOrder); out of it, none. */
function arrangeSentences(on: boolean): void {
  for (const row of document.querySelectorAll<HTMLElement>('.reader .row')) {
    const { zh, targets } = cellsOf(row);
    if (!zh || targets.length === 0) continue;
    const count = (cell: HTMLElement) => {
      const indexes = [...cell.querySelectorAll<HTMLElement>('[data-s]')].map((span) => Number(span.dataset.s));
      return indexes.length ? Math.max(...indexes) + 1 : 0;
    };
    const order = sentenceOrder(
      count(zh),
      targets.map((target) => decodeLinks(target.dataset.links ?? '')),
      targets.map(count),
    );
    const place = (cell: HTMLElement, orders: readonly number[]) => {
      for (const span of cell.querySelectorAll<HTMLElement>('[data-s]'))
        span.style.order = on ? String(orders[Number(span.dataset.s)] ?? '') : '';
    };
    place(zh, order.zh);
    targets.forEach((target, n) => place(target, order.cells[n] ?? []));
  }
}
