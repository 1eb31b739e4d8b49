import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import type { Availability } from '../../shared/contract/microsoft365';

const ACTIVITIES_IN_WORDS = ['InACall', 'InAMeeting', 'Presenting'];

/** Teams' own colours, but never alone: the words beside the dot carry the meaning (WCAG 1.4.1). */
const DOT_COLOUR: Record<Availability, string> = {
  Available: '#13a10e',
  AvailableIdle: '#13a10e',
  Busy: '#c50f1f',
  BusyIdle: '#c50f1f',
  DoNotDisturb: '#c50f1f',
  BeRightBack: '#eaa300',
  Away: '#eaa300',
  Offline: '#8a8886',
  PresenceUnknown: '#8a8886',
};

/** The availability in words, with what they are doing when it matters (in a call, presenting). */
export function usePresenceWords() {
  const { t } = useTranslation();
  return (availability: Availability, activity?: string | null): string => {
    const words = t(`presence.availability.${availability}`);
    return activity && ACTIVITIES_IN_WORDS.includes(activity) ? t('presence.withActivity', { availability: words, activity: t(`presence.activity.${activity}`) }) : words;
  };
}

/**
 * The presence in as few words as Teams shows under a person's picture: what they are doing when
 * it says more ("In a meeting", "Presenting"), else the availability. For the status bar, which
 * must stay one line; its button's name still reads out the whole of usePresenceWords.
 */
export function useShortPresenceWords() {
  const { t } = useTranslation();
  return (availability: Availability, activity?: string | null): string =>
    activity && ACTIVITIES_IN_WORDS.includes(activity) ? t(`presence.activityAlone.${activity}`) : t(`presence.availability.${availability}`);
}

/** A coloured dot (hidden from screen readers) and the presence in words. */
export function PresenceDot({ availability, activity, words }: { availability: Availability; activity?: string | null; words?: string }) {
  const describe = usePresenceWords();
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.75 }}>
      <Box
        component="span"
        aria-hidden="true"
        data-availability={availability}
        sx={{ display: 'inline-block', width: '0.75em', height: '0.75em', borderRadius: '50%', flexShrink: 0, bgcolor: DOT_COLOUR[availability] ?? DOT_COLOUR.PresenceUnknown, border: '1px solid', borderColor: 'text.primary' }}
      />
      <span>{words ?? describe(availability, activity)}</span>
    </Box>
  );
}
