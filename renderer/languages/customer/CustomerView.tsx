import TouchAppIcon from '@mui/icons-material/TouchApp';
import VolumeUpIcon from '@mui/icons-material/VolumeUp';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupByRegion, searchLanguages } from '../../../shared/languages/find-language';
import type { LanguageTable } from '../../../shared/languages/language-table';
import { fontFamilyFor } from '../script-fonts';
import { POINT_LINES } from './point-lines';
import { asLanguageEntry, openBroadcastChannel, readToCustomer, type FromCustomer, type MessageChannelLike, type OpenChannel, type PhraseOnScreen, type PickerLanguage } from './protocol';
import { speak, useVoice } from './speech';

type Screen = { kind: 'waiting' } | { kind: 'picker'; languages: PickerLanguage[] } | { kind: 'phrase'; phrase: PhraseOnScreen } | { kind: 'chosen'; language: PickerLanguage; languages: PickerLanguage[] };

/**
 * The resident's screen: big type, high contrast, nothing about staff or other residents. It
 * shows what the officer's page sends over the channel, and sends back only the language the
 * resident points to.
 */
export function CustomerView({ openChannel = openBroadcastChannel }: { openChannel?: OpenChannel }) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ kind: 'waiting' });
  const channel = useRef<MessageChannelLike | null>(null);

  useEffect(() => {
    const opened = openChannel();
    channel.current = opened;
    if (!opened) return;
    const send = (message: FromCustomer) => opened.postMessage({ from: 'customer', message });
    const onMessage = (event: MessageEvent) => {
      const message = readToCustomer(event.data);
      if (!message) return;
      if (message.kind === 'clear') setScreen({ kind: 'waiting' });
      else if (message.kind === 'show-phrase') setScreen({ kind: 'phrase', phrase: message.phrase });
      else setScreen({ kind: 'picker', languages: message.languages });
    };
    const onHide = () => send({ kind: 'closed' });
    opened.addEventListener('message', onMessage);
    window.addEventListener('pagehide', onHide);
    send({ kind: 'ready' });
    return () => {
      window.removeEventListener('pagehide', onHide);
      opened.removeEventListener('message', onMessage);
      opened.close();
      channel.current = null;
    };
  }, [openChannel]);

  const choose = (language: PickerLanguage, languages: PickerLanguage[]) => {
    channel.current?.postMessage({ from: 'customer', message: { kind: 'language-chosen', code: language.code } satisfies FromCustomer });
    setScreen({ kind: 'chosen', language, languages });
  };

  return (
    <Box component="main" sx={{ minHeight: '100vh', p: { xs: 2, md: 4 }, bgcolor: 'background.default', color: 'text.primary' }}>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button variant="outlined" size="small" onClick={() => window.close()}>
          {t('languages.customer.close')}
        </Button>
      </Box>
      {screen.kind === 'waiting' && (
        <Typography component="h1" variant="h3" sx={{ mt: 8, textAlign: 'center' }}>
          {t('languages.customer.waiting')}
        </Typography>
      )}
      {screen.kind === 'picker' && <LanguagePicker languages={screen.languages} onChoose={(language) => choose(language, screen.languages)} />}
      {screen.kind === 'phrase' && <PhraseShown phrase={screen.phrase} />}
      {screen.kind === 'chosen' && (
        <Box sx={{ mt: 6, textAlign: 'center' }} data-testid="customer-chosen">
          <Typography component="h1" variant="h3" gutterBottom>
            {t('languages.customer.chosen')}
          </Typography>
          <LanguageName language={screen.language} size="3rem" />
          <Button variant="outlined" size="large" sx={{ mt: 4, fontSize: '1.5rem' }} onClick={() => setScreen({ kind: 'picker', languages: screen.languages })}>
            {t('languages.customer.chooseAgain')}
          </Button>
        </Box>
      )}
    </Box>
  );
}

/** The autonym in its own script beside the English name; the English name alone when there is no autonym. */
function LanguageName({ language, size }: { language: PickerLanguage; size: string }) {
  const own = language.autonym && language.autonym !== language.englishName ? language.autonym : null;
  return (
    <span className="language-name">
      {own && (
        <span lang={language.code} dir={language.direction} style={{ fontFamily: fontFamilyFor(language.script), fontSize: size, fontWeight: 700 }}>
          {own}
        </span>
      )}
      {own && ' '}
      <span lang="en" dir="ltr" style={{ fontSize: own ? `calc(${size} * 0.6)` : size, fontWeight: own ? 400 : 700 }}>
        {language.englishName}
      </span>
    </span>
  );
}

function LanguagePicker({ languages, onChoose }: { languages: PickerLanguage[]; onChoose: (language: PickerLanguage) => void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const table = useMemo<LanguageTable>(() => ({ builtFrom: { cldr: '', builtOn: '' }, languages: languages.map(asLanguageEntry) }), [languages]);
  const byCode = useMemo(() => new Map(languages.map((language) => [language.code, language])), [languages]);
  const groups = useMemo(() => groupByRegion(searchLanguages(table, query)), [table, query]);
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <TouchAppIcon aria-hidden="true" sx={{ fontSize: '4rem' }} />
        <Typography component="h1" variant="h2" sx={{ fontWeight: 700 }}>
          {t('languages.customer.pointHeading')}
        </Typography>
      </Box>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mb: 3, display: 'flex', flexWrap: 'wrap', gap: '0.5rem 2rem', fontSize: '1.75rem' }}>
        {POINT_LINES.map((line) => (
          <li key={line.lang} lang={line.lang} dir={line.dir} style={{ fontFamily: fontFamilyFor(line.script) }}>
            {line.text}
          </li>
        ))}
      </Box>
      <TextField
        label={t('languages.customer.searchLabel')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        fullWidth
        slotProps={{ htmlInput: { style: { fontSize: '2rem' }, autoComplete: 'off', spellCheck: false }, inputLabel: { style: { fontSize: '1.5rem' } } }}
        sx={{ mb: 3, maxWidth: '40rem' }}
      />
      {groups.length === 0 && <Typography sx={{ fontSize: '1.75rem' }}>{t('languages.customer.noMatch')}</Typography>}
      <Box
        sx={{
          '& .language-choices': { listStyle: 'none', p: 0, m: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))', gap: '0.75rem' },
          '& .language-choice': { width: '100%', minHeight: '5rem', textAlign: 'start', font: 'inherit', color: 'text.primary', bgcolor: 'background.paper', border: 2, borderColor: 'divider', borderRadius: 1, p: '0.75rem 1rem', cursor: 'pointer' },
          '& .language-choice:hover': { borderColor: 'primary.main' },
          '& .language-name': { display: 'flex', flexDirection: 'column', gap: '0.25rem' },
        }}
      >
        {groups.map((group) => (
          <Box component="section" key={group.region} aria-labelledby={`region-${group.region}`} sx={{ mb: 4 }}>
            <Typography id={`region-${group.region}`} component="h2" variant="h4" sx={{ mb: 1.5, fontWeight: 700 }}>
              {t(`languages.regions.${group.region}`)}
            </Typography>
            <ul className="language-choices">
              {group.languages.map((entry) => {
                const language = byCode.get(entry.code);
                if (!language) return null;
                return (
                  <li key={language.code}>
                    <button type="button" className="language-choice" data-code={language.code} onClick={() => onChoose(language)}>
                      <LanguageName language={language} size="2rem" />
                    </button>
                  </li>
                );
              })}
            </ul>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

function PhraseShown({ phrase }: { phrase: PhraseOnScreen }) {
  const { t } = useTranslation();
  const voice = useVoice(phrase.lang);
  return (
    <Box sx={{ mt: 4, maxWidth: '70rem', mx: 'auto' }}>
      {/* The phrase is the whole message of this screen, so it is its heading, in the resident's language. */}
      <Typography
        component="h1"
        lang={phrase.lang}
        dir={phrase.dir}
        data-testid="customer-phrase"
        sx={{ fontFamily: fontFamilyFor(phrase.script), fontSize: { xs: '2.5rem', md: '4rem' }, lineHeight: 1.4, fontWeight: 400, mb: 3 }}
      >
        {phrase.text}
      </Typography>
      <Typography component="p" lang="en" dir="ltr" sx={{ fontSize: '1.75rem', mb: 3 }}>
        {phrase.english}
      </Typography>
      {!phrase.reviewed && (
        <Box role="note" data-testid="unreviewed-notice" sx={{ display: 'flex', alignItems: 'center', gap: 2, border: 3, borderColor: 'warning.main', borderRadius: 1, p: 2, mb: 3 }}>
          <WarningAmberIcon aria-hidden="true" sx={{ fontSize: '3rem', color: 'warning.main' }} />
          <Typography lang="en" sx={{ fontSize: '1.75rem' }}>
            {t('languages.customer.unreviewed')}
          </Typography>
        </Box>
      )}
      {voice && (
        <Button variant="contained" size="large" startIcon={<VolumeUpIcon aria-hidden="true" />} sx={{ fontSize: '1.75rem' }} onClick={() => speak(phrase.text, phrase.lang, voice)}>
          {t('languages.customer.listen')}
        </Button>
      )}
    </Box>
  );
}
