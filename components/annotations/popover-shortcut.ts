import { POPOVER_ID } from './annotation-context';

/** Keys that press a button of the word card, from the word or from inside the card: S saves, L listens. */
const SHORTCUTS: Record<string, string> = { s: '.popover-save', l: '.popover-listen' };

/**
 * Presses the word card's button for `event`'s key, if any; true when it did. Apart from the card,
 * so the annotation layer can use it before the card's code has loaded.
 */
export function pressPopoverShortcut(event: {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  preventDefault: () => void;
}): boolean {
  const selector = SHORTCUTS[event.key.toLowerCase()];
  if (!selector || event.altKey || event.ctrlKey || event.metaKey) return false;
  const button = document.getElementById(POPOVER_ID)?.querySelector<HTMLButtonElement>(selector);
  if (!button) return false;
  event.preventDefault();
  if (!button.disabled) button.click();
  return true;
}
