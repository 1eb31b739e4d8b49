import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../../../renderer/navigation/shortcuts';

const lockKey = SHORTCUTS.find((each) => each.command.kind === 'lock');
const press = (key: string, modifiers: Partial<Record<'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey', boolean>>, code = 'KeyL') => lockKey?.matches({ key, code, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...modifiers }) ?? false;

describe('Ctrl+Alt+L', () => {
  it('locks CivicDesk, and is listed in the help as Ctrl, Alt, L', () => {
    expect(lockKey?.keys).toEqual(['Ctrl', 'Alt', 'L']);
    expect(press('l', { ctrlKey: true, altKey: true })).toBe(true);
    expect(press('L', { ctrlKey: true, altKey: true })).toBe(true);
  });

  it('is not Alt+L, Ctrl+L, Ctrl+Alt+Shift+L or Ctrl+Alt+K', () => {
    expect(press('l', { altKey: true })).toBe(false);
    expect(press('l', { ctrlKey: true })).toBe(false);
    expect(press('L', { ctrlKey: true, altKey: true, shiftKey: true })).toBe(false);
    expect(press('k', { ctrlKey: true, altKey: true }, 'KeyK')).toBe(false);
  });

  it('is not AltGr+L typing "ł" on a Polish keyboard (Windows reports AltGr as Ctrl+Alt)', () => {
    expect(press('ł', { ctrlKey: true, altKey: true })).toBe(false);
  });
});
