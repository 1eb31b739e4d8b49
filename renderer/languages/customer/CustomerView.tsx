import SentimentNeutralIcon from '@mui/icons-material/SentimentNeutral';
import SentimentSatisfiedAltIcon from '@mui/icons-material/SentimentSatisfiedAlt';
import SentimentVeryDissatisfiedIcon from '@mui/icons-material/SentimentVeryDissatisfied';
import TouchAppIcon from '@mui/icons-material/TouchApp';
import VolumeUpIcon from '@mui/icons-material/VolumeUp';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupByRegion, searchLanguages } from '../../../shared/languages/find-language';
import type { LanguageTable } from '../../../shared/languages/language-table';
import { fontFamilyFor } from '../script-fonts';
import { POINT_LINES } from './point-lines';
import {
  asLanguageEntry,
  openBroadcastChannel,
  readLockToCustomer,
  readToCustomer,
  VISIT_RATINGS,
  type FromCustomer,
  type MessageChannelLike,
  type OpenChannel,
  type PhraseOnScreen,
  type PickerLanguage,
  type ToCustomer,
  type VisitRating,
} from './protocol';
import { speak, useVoice } from './speech';

type AskRating = Extract<ToCustomer, { kind: 'ask-rating' }>;

type Screen =
  | { kind: 'waiting' }
  | { kind: 'picker'; languages: PickerLanguage[] }
  | { kind: 'phrase'; phrase: PhraseOnScreen }
  | { kind: 'chosen'; language: PickerLanguage; languages: PickerLanguage[] }
  | { kind: 'rating'; ask: AskRating }
  | { kind: 'rated'; thanks: PhraseOnScreen };

/**
 * The resident's screen: big type, high contrast, nothing about staff or other residents. It
 * shows what the officer's page sends over the channel, and sends back only the language the
 * resident points to.
 */
export function CustomerView({ openChannel = openBroadcastChannel }: { openChannel?: OpenChannel }) {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>({ kind: 'waiting' });
  // The workstation's idle lock covers this screen too: the resident sees nothing of the last visit.
  const [locked, setLocked] = useState(false);
  const channel = useRef<MessageChannelLike | null>(null);

  useEffect(() => {
    const opened = openChannel();
    channel.current = opened;
    if (!opened) return;
    const send = (message: FromCustomer) => opened.postMessage({ from: 'customer', message });
    const onMessage = (event: MessageEvent) => {
      const lock = readLockToCustomer(event.data);
      if (lock) return setLocked(lock.locked);
      const message = readToCustomer(event.data);
      if (!message) return;
      if (message.kind === 'clear') setScreen({ kind: 'waiting' });
      else if (message.kind === 'show-phrase') setScreen({ kind: 'phrase', phrase: message.phrase });
      else if (message.kind === 'ask-rating') setScreen({ kind: 'rating', ask: message });
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

  const rate = (rating: VisitRating, thanks: PhraseOnScreen) => {
    channel.current?.postMessage({ from: 'customer', message: { kind: 'rating-given', rating } satisfies FromCustomer });
    setScreen({ kind: 'rated', thanks });
  };

  if (locked) {
    return (
      <Box component="main" data-testid="customer-locked" sx={{ minHeight: '100vh', p: { xs: 2, md: 4 }, bgcolor: 'background.default', color: 'text.primary' }}>
        <Typography component="h1" variant="h3" sx={{ mt: 8, textAlign: 'center' }}>
          {t('languages.customer.locked')}
        </Typography>
      </Box>
    );
  }

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
      {screen.kind === 'rating' && <RatingQuestion ask={screen.ask} onRate={(rating) => rate(rating, screen.ask.thanks)} />}
      {screen.kind === 'rated' && <RatingThanks thanks={screen.thanks} />}
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
      {!phrase.reviewed && <UnreviewedNotice />}
      {voice && (
        <Button variant="contained" size="large" startIcon={<VolumeUpIcon aria-hidden="true" />} sx={{ fontSize: '1.75rem' }} onClick={() => speak(phrase.text, phrase.lang, voice)}>
          {t('languages.customer.listen')}
        </Button>
      )}
    </Box>
  );
}

/** "Not checked by a qualified translator", for a phrase whose translation nobody qualified has checked. */
function UnreviewedNotice({ id, compact = false }: { id?: string; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Box id={id} role="note" data-testid="unreviewed-notice" sx={{ display: 'flex', alignItems: 'center', gap: compact ? 1 : 2, border: 3, borderColor: 'warning.main', borderRadius: 1, p: compact ? 1 : 2, mb: 3 }}>
      <WarningAmberIcon aria-hidden="true" sx={{ fontSize: compact ? '2rem' : '3rem', color: 'warning.main' }} />
      <Typography lang="en" sx={{ fontSize: compact ? '1.25rem' : '1.75rem' }}>
        {t('languages.customer.unreviewed')}
      </Typography>
    </Box>
  );
}

/** English sent as the phrase itself (no translation): shown once, not again beneath. */
const isEnglish = (phrase: PhraseOnScreen) => phrase.lang === 'en' || phrase.lang.startsWith('en-');

/** A phrase as the screen's heading: in the resident's language, the English beneath, and the notice when unchecked. */
function PhraseHeading({ phrase, id, testId, focusOnShow = false }: { phrase: PhraseOnScreen; id?: string; testId: string; focusOnShow?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow]);
  return (
    <>
      <Typography
        ref={heading}
        id={id}
        component="h1"
        lang={phrase.lang}
        dir={phrase.dir}
        data-testid={testId}
        tabIndex={focusOnShow ? -1 : undefined}
        sx={{ fontFamily: fontFamilyFor(phrase.script), fontSize: { xs: '2.5rem', md: '4rem' }, lineHeight: 1.4, fontWeight: 400, mb: 2 }}
      >
        {phrase.text}
      </Typography>
      {!isEnglish(phrase) && (
        <Typography component="p" lang="en" dir="ltr" sx={{ fontSize: '1.75rem', mb: 3 }}>
          {phrase.english}
        </Typography>
      )}
      {!phrase.reviewed && <UnreviewedNotice />}
    </>
  );
}

const FACES = { good: SentimentSatisfiedAltIcon, average: SentimentNeutralIcon, poor: SentimentVeryDissatisfiedIcon } as const;

/**
 * "How was your visit today?" with three very large answers, each with a face, in the
 * resident's language and in English. They are ordinary buttons, good to poor, running the way
 * the resident's language reads; nothing about the officer is shown or sent.
 */
function RatingQuestion({ ask, onRate }: { ask: AskRating; onRate: (rating: VisitRating) => void }) {
  const id = useId();
  return (
    <Box sx={{ mt: 4, maxWidth: '80rem', mx: 'auto' }} data-testid="rating-screen">
      <PhraseHeading phrase={ask.question} id={`${id}-question`} testId="rating-question" />
      <Box
        component="ul"
        aria-labelledby={`${id}-question`}
        dir={ask.question.dir}
        sx={{ listStyle: 'none', p: 0, m: 0, mt: 2, display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' }, gap: 3 }}
      >
        {VISIT_RATINGS.map((rating) => {
          const answer = ask.answers[rating];
          const Face = FACES[rating];
          const notice = answer.reviewed ? undefined : `${id}-${rating}-unreviewed`;
          return (
            <li key={rating}>
              <Button
                variant="outlined"
                fullWidth
                data-rating={rating}
                aria-describedby={notice}
                onClick={() => onRate(rating)}
                sx={{ minHeight: '9rem', mb: 1, py: 2, px: 3, gap: 2, border: 3, '&:hover': { border: 3 }, textTransform: 'none', justifyContent: 'flex-start', color: 'text.primary' }}
              >
                <Face aria-hidden="true" sx={{ fontSize: '5rem', flexShrink: 0 }} />
                <Box component="span" sx={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', textAlign: 'start' }}>
                  <Box component="span" lang={answer.lang} dir={answer.dir} sx={{ fontFamily: fontFamilyFor(answer.script), fontSize: '2.75rem', fontWeight: 700, lineHeight: 1.3 }}>
                    {answer.text}
                  </Box>
                  {!isEnglish(answer) && (
                    <Box component="span" lang="en" dir="ltr" sx={{ fontSize: '1.75rem', lineHeight: 1.3 }}>
                      {answer.english}
                    </Box>
                  )}
                </Box>
              </Button>
              {notice && <UnreviewedNotice id={notice} compact />}
            </li>
          );
        })}
      </Box>
    </Box>
  );
}

/** After the resident chooses: the thanks, which takes the focus so a keyboard user is not left on nothing. */
function RatingThanks({ thanks }: { thanks: PhraseOnScreen }) {
  return (
    <Box sx={{ mt: 6, maxWidth: '70rem', mx: 'auto', textAlign: 'center' }} data-testid="rating-thanks">
      <PhraseHeading phrase={thanks} testId="rating-thanks-phrase" focusOnShow />
    </Box>
  );
}
