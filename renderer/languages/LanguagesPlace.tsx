import './shipped-fonts';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterpreterLine } from '../../shared/languages/interpreting';
import type { LanguageEntry } from '../../shared/languages/language-table';
import { languageByCode, searchLanguages } from '../../shared/languages/find-language';
import type { SessionInfo } from '../../shared/contract/session';
import { useBridge } from '../bridge/bridge-context';
import { pickerLanguage, type PhraseOnScreen } from './customer/protocol';
import { useCustomerLink } from './customer-link';
import { MachineTranslationPanel } from './MachineTranslationPanel';
import { PhraseBookList } from './PhraseBookList';
import { fontFamilyFor } from './script-fonts';
import { SetLanguageDialog } from './SetLanguageDialog';
import { useLanguageTable } from './use-language-table';

const MOST_RESULTS = 12;

/**
 * The Languages place: find a language (in English, another name, or its own script), see how
 * it is written and what interpreting suppliers call it, read its phrase book, and show the
 * resident their screen: "point to your language", or a phrase in it.
 */
export function LanguagesPlace({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const { table, problem } = useLanguageTable();
  const { link, state } = useCustomerLink();
  const bridge = useBridge();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);

  const results = useMemo(() => (table && query.trim() ? searchLanguages(table, query).slice(0, MOST_RESULTS) : []), [table, query]);
  const entry = table && selected ? languageByCode(table, selected) : null;
  const chosen = table && state.chosen ? languageByCode(table, state.chosen) : null;

  // What the resident pointed to becomes the language on screen here too, for its phrases.
  const [seenChoice, setSeenChoice] = useState<string | null>(null);
  if (state.chosen !== seenChoice) {
    setSeenChoice(state.chosen);
    if (state.chosen) setSelected(state.chosen);
  }

  const showPicker = () => {
    if (table) void link.show({ kind: 'show-language-picker', languages: table.languages.map(pickerLanguage) }, bridge, { reopen: true });
  };
  const showPhrase = (phrase: PhraseOnScreen) => void link.show({ kind: 'show-phrase', phrase }, bridge);

  return (
    <Box sx={{ maxWidth: '60rem' }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
        <Button variant="contained" onClick={showPicker} disabled={!table}>
          {t('languages.showToResident')}
        </Button>
        <Typography data-testid="customer-view-status">{state.open ? t('languages.customerView.open') : t('languages.customerView.closed')}</Typography>
        {state.open && (
          <Button variant="outlined" onClick={() => link.update({ kind: 'clear' })}>
            {t('languages.customerView.clear')}
          </Button>
        )}
      </Box>
      {state.problem && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t(`languages.customerView.${state.problem}`)}
        </Alert>
      )}
      {problem && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t('languages.tableFailed', { message: problem })}
        </Alert>
      )}
      <TextField
        label={t('languages.search.label')}
        helperText={t('languages.search.hint')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        fullWidth
        slotProps={{ htmlInput: { autoComplete: 'off', spellCheck: false } }}
        sx={{ mb: 1 }}
      />
      {query.trim() && table && (
        <Box aria-live="polite">
          {results.length === 0 ? (
            <Typography sx={{ mb: 2 }}>{t('languages.search.none')}</Typography>
          ) : (
            <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mb: 2 }} aria-label={t('languages.search.results')}>
              {results.map((result) => (
                <li key={result.code}>
                  <Button onClick={() => setSelected(result.code)} aria-pressed={result.code === entry?.code} sx={{ justifyContent: 'flex-start', textAlign: 'start', width: '100%' }} data-testid={`language-result-${result.code}`}>
                    <span>{result.englishName}</span>{' '}
                    {result.autonym && result.autonym !== result.englishName && (
                      <span lang={result.code} dir={result.direction} style={{ fontFamily: fontFamilyFor(result.script), marginInlineStart: '1rem' }}>
                        {result.autonym}
                      </span>
                    )}
                  </Button>
                </li>
              ))}
            </Box>
          )}
        </Box>
      )}
      {entry && (
        <>
          <LanguageDetails entry={entry} />
          <PhraseBookList language={entry} onShow={showPhrase} />
        </>
      )}
      {session.features.machineTranslation && (
        <Box sx={{ mt: 4 }}>
          <MachineTranslationPanel />
        </Box>
      )}
      {chosen && <SetLanguageDialog key={chosen.code} language={chosen} onClose={() => link.dismissChoice()} />}
    </Box>
  );
}

function LanguageDetails({ entry }: { entry: LanguageEntry }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [lines, setLines] = useState<InterpreterLine[]>([]);
  useEffect(() => {
    let live = true;
    void bridge.languages.interpreterLines({}).then((outcome) => {
      if (live && outcome.ok) setLines(outcome.value);
    });
    return () => {
      live = false;
    };
  }, [bridge]);
  const suppliers = Object.entries(entry.supplierNames);
  const supplierName = (id: string) => lines.find((line) => line.supplierId === id)?.supplierName ?? id;
  return (
    <Box component="section" aria-labelledby="language-heading" sx={{ mt: 2, border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper' }} data-testid="language-details">
      <Typography id="language-heading" component="h2" variant="h5" gutterBottom>
        {entry.englishName}
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, '& dt': { fontWeight: 700 }, '& dd': { m: 0 } }}>
        <dt>{t('languages.details.autonym')}</dt>
        <dd>
          {entry.autonym ? (
            <span lang={entry.code} dir={entry.direction} style={{ fontFamily: fontFamilyFor(entry.script), fontSize: '1.375rem' }} data-testid="language-autonym">
              {entry.autonym}
            </span>
          ) : (
            t('languages.details.noAutonym')
          )}
        </dd>
        {entry.cldrEnglishName && (
          <>
            <dt>{t('languages.details.cldrName')}</dt>
            <dd>{entry.cldrEnglishName}</dd>
          </>
        )}
        {entry.aliases.length > 0 && (
          <>
            <dt>{t('languages.details.aliases')}</dt>
            <dd>{entry.aliases.join(', ')}</dd>
          </>
        )}
        <dt>{t('languages.details.code')}</dt>
        <dd>{entry.code}</dd>
        <dt>{t('languages.details.script')}</dt>
        <dd>{t(`languages.scripts.${entry.script}`, { defaultValue: entry.script })}</dd>
        <dt>{t('languages.details.direction')}</dt>
        <dd>{t(`languages.directions.${entry.direction}`)}</dd>
        <dt>{t('languages.details.suppliers')}</dt>
        <dd>
          {suppliers.length === 0 ? (
            t('languages.details.noSupplierNames')
          ) : (
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {suppliers.map(([id, name]) => (
                <li key={id}>{t('languages.details.supplierName', { supplier: supplierName(id), name })}</li>
              ))}
            </Box>
          )}
        </dd>
      </Box>
    </Box>
  );
}
