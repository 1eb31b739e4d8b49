import { PLACES, type Place } from './places';

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

export type ShortcutCommand = { kind: 'go'; place: Place } | { kind: 'help' } | { kind: 'contrast' };

const noModifiers = (event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey'>) => !event.altKey && !event.ctrlKey && !event.metaKey;

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
  ...PLACES.map(
    (place, index): Shortcut => ({
      keys: ['Alt', String(index + 1)],
      label: { key: 'help.goTo', values: { place: `places.${place}` } },
      // `code` rather than `key`: on a Mac, Alt+1 types "¡".
      matches: (event) => event.altKey && !event.ctrlKey && !event.metaKey && event.code === `Digit${index + 1}`,
      command: { kind: 'go', place },
    }),
  ),
  {
    keys: ['Alt', 'Shift', 'H'],
    label: { key: 'help.toggleContrast' },
    matches: (event) => event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyH',
    command: { kind: 'contrast' },
  },
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
