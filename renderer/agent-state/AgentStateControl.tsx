import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHOOSABLE_STATES, workInHand } from '../../shared/domain/agent-state';
import { useAgentStateIfAny } from './agent-state-context';

/** The status bar's state button, where the focus returns after choosing. */
export const AGENT_STATE_BUTTON_ID = 'agent-state';

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' });

/**
 * The officer's state in the status bar: what it is and since when, and a menu to choose
 * available, on a break or in training when no contact is in hand. The menu is MUI's: arrow
 * keys move, Enter or Space chooses, Escape closes, and the focus goes back to the button.
 * Whether Teams shows it is said beside it, in words.
 */
export function AgentStateControl() {
  const { t } = useTranslation();
  const agent = useAgentStateIfAny();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const menuId = useId();
  if (!agent) return null;
  const { now, teams } = agent;
  const stateWords = t(`agentState.state.${now.state}`);
  const since = clockTime(now.since);
  const locked = workInHand(now.state);
  const close = () => setAnchor(null);
  // Whether Teams shows it is in the button's name; only a failure takes room on the bar, which
  // must stay one line at 1366 pixels (signed out, the bar's own sign-in button already says why).
  const teamsWords = teams === null ? null : teams.teams === 'not-updated' ? t('agentState.teams.not-updated', { reason: teams.reason }) : t(`agentState.teams.${teams.teams}`);
  const problem = teams?.teams === 'not-updated' ? teamsWords : null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
      <Button
        id={AGENT_STATE_BUTTON_ID}
        size="small"
        variant="outlined"
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : 'false'}
        aria-controls={anchor ? menuId : undefined}
        aria-label={teamsWords ? t('agentState.buttonWithTeams', { state: stateWords, since, teams: teamsWords }) : t('agentState.button', { state: stateWords, since })}
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ py: 0, textTransform: 'none', '&.Mui-focusVisible': { outline: '3px solid', outlineColor: 'primary.main', outlineOffset: 2 } }}
        data-testid="agent-state-button"
      >
        {/* The time is in the button's name and the menu: the bar must stay one line at 1366 pixels. */}
        {stateWords}
      </Button>
      {problem && (
        <Typography variant="body2" data-testid="agent-state-teams">
          {problem}
        </Typography>
      )}
      {agent.notSaved && (
        <Typography variant="body2" role="alert" color="error">
          {t('agentState.notSaved')}
        </Typography>
      )}
      <Menu id={menuId} anchorEl={anchor} open={anchor !== null} onClose={close} slotProps={{ list: { 'aria-label': t('agentState.menuLabel') } }}>
        <MenuItem disabled divider>
          <ListItemText primary={t('team.now.stateSince', { state: stateWords, since })} />
        </MenuItem>
        {locked && (
          <MenuItem disabled divider>
            <ListItemText primary={t('agentState.workInHand')} slotProps={{ primary: { sx: { whiteSpace: 'normal', maxWidth: '24rem' } } }} />
          </MenuItem>
        )}
        {CHOOSABLE_STATES.map((state) => (
          <MenuItem
            key={state}
            role="menuitemradio"
            aria-checked={now.state === state}
            selected={now.state === state}
            disabled={locked}
            onClick={() => {
              close();
              void agent.choose(state);
            }}
          >
            {t(`agentState.state.${state}`)}
          </MenuItem>
        ))}
      </Menu>
    </Box>
  );
}
