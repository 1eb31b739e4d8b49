import { PLACES_WITH_SHORTCUTS, type Place } from './places';

/**
 * Every keyboard shortcut lives here, and the help overlay lists this same table, so the
 * overlay can never disagree with what the keys do.
 */
export interface Shortcut {
  /** Keys as shown to staff, for example ["Alt", "1"]. */
  keys: readonly string[];
  /** The translation key of what it does, and any values for it. */
  label: { key: string; values?: Record<string, string> };
  matches(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): boolean;
  command: ShortcutCommand;
}

export type ShortcutCommand = { kind: 'go'; place: Place } | { kind: 'help' } | { kind: 'contrast' } | { kind: 'end-call' } | { kind: 'raise-case' } | { kind: 'identity' } | { kind: 'lock' };

const noModifiers = (event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey'>) => !event.altKey && !event.ctrlKey && !event.metaKey;
/** Alt+Shift and a letter, by `code` (so it is the same key on every layout). */
const altShift = (letter: string, label: string, command: ShortcutCommand): Shortcut => ({
  keys: ['Alt', 'Shift', letter],
  label: { key: label },
  matches: (event) => event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === `Key${letter}`,
  command,
});

export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: ['F1'],
    label: { key: 'help.showHelp' },
    matches: (event) => event.key === 'F1',
    command: { kind: 'help' },
  },
  {
    keys: ['?'],
    label: { key: 'help.showHelp' },
    matches: (event) => event.key === '?' && noModifiers(event),
    command: { kind: 'help' },
  },
  ...PLACES_WITH_SHORTCUTS.map(
    (place, index): Shortcut => ({
      keys: ['Alt', String(index + 1)],
      label: { key: 'help.goTo', values: { place: `places.${place}` } },
      // `code` rather than `key`: on a Mac, Alt+1 types "¡".
      matches: (event) => event.altKey && !event.ctrlKey && !event.metaKey && event.code === `Digit${index + 1}`,
      command: { kind: 'go', place },
    }),
  ),
  altShift('H', 'help.toggleContrast', { kind: 'contrast' }),
  altShift('E', 'help.endCall', { kind: 'end-call' }),
  altShift('C', 'help.raiseCase', { kind: 'raise-case' }),
  altShift('I', 'help.checkIdentity', { kind: 'identity' }),
  {
    // Like Windows' Win+L, for CivicDesk alone: the officer steps away from a shared PC. On
    // Windows AltGr is Ctrl+Alt, so on a Polish keyboard AltGr+L types "ł": a key that typed a
    // letter other than L is that letter, not the lock.
    keys: ['Ctrl', 'Alt', 'L'],
    label: { key: 'help.lock' },
    matches: (event) => event.ctrlKey && event.altKey && !event.shiftKey && !event.metaKey && event.code === 'KeyL' && (event.key.length !== 1 || event.key.toLowerCase() === 'l'),
    command: { kind: 'lock' },
  },
];

/**
 * Keys that work where the officer is (a script, a form, a dialog) rather than anywhere:
 * the components handle them, and the help overlay lists them beside the shortcuts above.
 */
export const KEYS_IN_PLACE: readonly { keys: readonly string[]; label: string }[] = [
  { keys: ['Enter'], label: 'help.nextStep' },
  { keys: ['1', '…', '9'], label: 'help.chooseAnswer' },
  { keys: ['Backspace'], label: 'help.stepBack' },
  { keys: ['Enter'], label: 'help.checkAnswers' },
  { keys: ['Ctrl', 'Enter'], label: 'help.sendCase' },
  { keys: ['Ctrl', 'Enter'], label: 'help.saveWrapUp' },
  { keys: ['Esc'], label: 'help.closeDialog' },
];

/** Typing a "?" into a field must type it, not open the help. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function findShortcut(event: KeyboardEvent): Shortcut | undefined {
  const typing = isTypingTarget(event.target);
  return SHORTCUTS.find((shortcut) => shortcut.matches(event) && !(typing && shortcut.keys.length === 1 && shortcut.keys[0] === '?'));
}
