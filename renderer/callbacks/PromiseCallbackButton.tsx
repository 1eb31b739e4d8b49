import Button from '@mui/material/Button';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Resident360 } from '../../shared/domain/resident-360';
import { useContactIfAny } from '../contact/contact-context';
import { SendMessageDialog } from '../messages/SendMessageDialog';
import { windowWords } from './callback-words';
import { PromiseCallbackDialog, type PromisedWindow } from './PromiseCallbackDialog';

/** "Promise a call back" on the 360 view; then, if asked, the confirmation text, seen before it goes. */
export function PromiseCallbackButton({ record }: { record: Resident360 }) {
  const { t } = useTranslation();
  const contact = useContactIfAny();
  const interactionId = contact?.current?.id ?? null;
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<PromisedWindow | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={button} variant="outlined" onClick={() => setOpen(true)}>
        {t('callbacks.promiseButton')}
      </Button>
      {open && (
        <PromiseCallbackDialog
          record={record}
          interactionId={interactionId}
          onClose={() => setOpen(false)}
          onConfirm={(promised) => {
            setOpen(false);
            setConfirming(promised);
          }}
        />
      )}
      {confirming && (
        <SendMessageDialog record={record} about={{ purpose: 'callback-confirmation', values: { window: windowWords(confirming, t), reason: confirming.reason }, interactionId, caseId: null }} onClose={() => {
            setConfirming(null);
            // The text's dialog opened from the promise's, which has gone: the focus comes back here.
            setTimeout(() => button.current?.focus(), 0);
          }}
        />
      )}
    </>
  );
}
