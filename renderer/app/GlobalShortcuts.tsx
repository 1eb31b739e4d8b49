import { useLayoutEffect } from 'react';
import { useBridge } from '../bridge/bridge-context';
import { useRaiseCase } from '../cases/raise-case';
import { useContact } from '../contact/contact-context';
import { useNavigation } from '../navigation/navigation-context';
import { placesFor } from '../navigation/places';
import { findShortcut, type ShortcutCommand } from '../navigation/shortcuts';
import { useSessionIfAny } from '../session/session-context';

/**
 * The keys that work anywhere in the workstation (renderer/navigation/shortcuts.ts, which the
 * help overlay lists too). Mounted inside the frame's providers, so "raise a case" and "end
 * call" act on the contact in hand.
 */
export function GlobalShortcuts({ onHelp, onToggleContrast }: { onHelp: () => void; onToggleContrast: () => void }) {
  const navigation = useNavigation();
  const contact = useContact();
  const raiseCase = useRaiseCase();
  const session = useSessionIfAny();
  const role = session?.user?.role ?? null;
  // Behind the lock screen nothing answers: not a place, not "end call" (the lock screen has its own keys).
  const locked = Boolean(session?.lock);
  const bridge = useBridge();

  // Listened for as the frame is drawn, not after it is painted (a passive effect): a key pressed
  // the moment the Dashboard shows, on a busy first start, was lost.
  useLayoutEffect(() => {
    const run = (command: ShortcutCommand) => {
      switch (command.kind) {
        case 'help':
          return onHelp();
        case 'contrast':
          return onToggleContrast();
        case 'go':
          // Alt+9 takes a team leader to the Team place; for anyone else it does nothing.
          if (!placesFor(role).includes(command.place)) return;
          return navigation?.goTo(command.place);
        case 'end-call':
          // An email is finished in the Email place, where it is filed out of the mailbox first (as the contact header's button does).
          if (contact.current?.channel === 'email') return navigation?.goTo('email');
          return void contact.endCall();
        case 'raise-case':
          return void raiseCase();
        case 'identity':
          navigation?.goTo('resident');
          // After the place has drawn and its heading taken the focus: the first question, or what the check says.
          requestAnimationFrame(() => (document.querySelector<HTMLElement>('#identity-form input') ?? document.querySelector<HTMLElement>('[data-testid="identity-status"]'))?.focus());
          return;
        case 'lock':
          return void bridge.session.lock({ reason: 'shortcut' });
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (locked) return;
      const shortcut = findShortcut(event);
      if (!shortcut) return;
      event.preventDefault();
      run(shortcut.command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [bridge, contact, locked, navigation, onHelp, onToggleContrast, raiseCase, role]);
  return null;
}
