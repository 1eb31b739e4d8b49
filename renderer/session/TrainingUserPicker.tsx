import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../shared/contract/session';
import { useBridge } from '../bridge/bridge-context';

/**
 * Trainees practise as an agent, a service-point officer or a team leader, because what a
 * role may see (staff-safety markers, for one) differs. A native select: the most reliable
 * control for keyboards and screen readers.
 */
export function TrainingUserPicker({ session }: { session: SessionInfo }) {
  const bridge = useBridge();
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);

  const choose = async (staffId: string) => {
    const outcome = await bridge.session.actAsTrainingUser({ staffId });
    setProblem(outcome.ok ? null : outcome.error.message);
  };

  return (
    <TextField
      select
      size="small"
      label={t('training.actingAs')}
      value={session.user?.id ?? ''}
      onChange={(event) => void choose(event.target.value)}
      error={problem !== null}
      helperText={problem ?? undefined}
      slotProps={{ select: { native: true } }}
      sx={{ minWidth: '16rem', maxWidth: '28rem', flex: '1 1 16rem' }}
    >
      {session.trainingStaff.map((staff) => (
        <option key={staff.id} value={staff.id}>
          {t('training.staffOption', { name: staff.displayName, role: t(`training.role.${staff.role}`), team: staff.team })}
        </option>
      ))}
    </TextField>
  );
}
