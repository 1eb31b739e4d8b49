import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/i18n/i18n';
import { CustomerApp } from '../../../renderer/languages/customer/CustomerApp';
import { LOCK_MESSAGE_FROM, readLockToCustomer, type PhraseOnScreen } from '../../../renderer/languages/customer/protocol';
import { useCustomerScreenLock } from '../../../renderer/lock/use-customer-screen-lock';
import { channelHub } from '../support/fake-channel';

const phrase: PhraseOnScreen = { text: 'ትግርኛ ፈተነ 1', lang: 'ti', dir: 'ltr', script: 'Ethi', english: 'Please wait, I am getting an interpreter. It is free.', reviewed: false };

/** The officer's page's end of the lock, as SessionGate uses it. */
function OfficerPage({ locked, hub }: { locked: boolean; hub: ReturnType<typeof channelHub> }) {
  useCustomerScreenLock(locked, hub.open);
  return null;
}

describe('the resident’s screen under the idle lock', () => {
  it('is covered while the workstation is locked, and shows what it showed before once the officer resumes', async () => {
    const hub = channelHub();
    const officer = render(<OfficerPage locked={false} hub={hub} />);
    render(<CustomerApp i18n={await createI18n('en-GB')} openChannel={hub.open} />);
    const staff = hub.open();
    act(() => staff.postMessage({ from: 'staff', message: { kind: 'show-phrase', phrase } }));
    expect(screen.getByText('ትግርኛ ፈተነ 1')).toBeTruthy();

    officer.rerender(<OfficerPage locked={true} hub={hub} />);
    expect(screen.getByTestId('customer-locked').textContent).toBe('Please wait: a member of staff will be with you soon.');
    expect(screen.queryByText('ትግርኛ ፈተነ 1')).toBeNull();
    expect(screen.getAllByRole('heading').map((each) => each.textContent)).toEqual(['Please wait: a member of staff will be with you soon.']);

    officer.rerender(<OfficerPage locked={false} hub={hub} />);
    expect(screen.queryByTestId('customer-locked')).toBeNull();
    expect(screen.getByText('ትግርኛ ፈተነ 1')).toBeTruthy();
  });

  it('is covered at once when it (re)loads while the workstation is locked', async () => {
    const hub = channelHub();
    render(<OfficerPage locked={true} hub={hub} />);
    render(<CustomerApp i18n={await createI18n('en-GB')} openChannel={hub.open} />);
    // The view said it was ready; the officer's page answered with the lock.
    expect(screen.getByTestId('customer-locked')).toBeTruthy();
  });

  it('takes nothing but a well-formed lock message from the officer’s page', () => {
    expect(readLockToCustomer({ from: LOCK_MESSAGE_FROM, locked: true })).toEqual({ locked: true });
    expect(readLockToCustomer({ from: LOCK_MESSAGE_FROM, locked: 'yes' })).toBeNull();
    expect(readLockToCustomer({ from: 'staff', locked: true })).toBeNull();
    expect(readLockToCustomer(null)).toBeNull();
  });
});
