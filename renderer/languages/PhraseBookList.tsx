import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageEntry } from '../../shared/languages/language-table';
import type { PhraseBook, ShownPhrase } from '../../shared/languages/phrases';
import { useBridge } from '../bridge/bridge-context';
import type { PhraseOnScreen } from './customer/protocol';
import { fontFamilyFor } from './script-fonts';

const PLACEHOLDER = /\{([A-Za-z][\w-]*)\}/g;

/** The placeholders in a phrase's English ('{reference}', '{days}'), each once. */
export function placeholdersIn(english: string): string[] {
  return [...new Set([...english.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))].filter(Boolean);
}

/** Puts the officer's values in place of the placeholders; an empty value leaves the placeholder showing. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name]?.trim() || whole);
}

type Loaded = { code: string; book: PhraseBook | null; problem: string | null };

/** The language's phrase book, for the officer: English, the translation, its status, and a button to show it. */
export function PhraseBookList({ language, onShow }: { language: LanguageEntry; onShow: (phrase: PhraseOnScreen) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let live = true;
    void bridge.languages.phrases({ language: language.code }).then((outcome) => {
      if (!live) return;
      setLoaded(outcome.ok ? { code: language.code, book: outcome.value, problem: null } : { code: language.code, book: null, problem: outcome.error.message });
    });
    return () => {
      live = false;
    };
  }, [bridge, language.code]);

  const current = loaded?.code === language.code ? loaded : null;
  return (
    <Box component="section" aria-labelledby="phrase-book-heading" sx={{ mt: 3 }}>
      <Typography id="phrase-book-heading" component="h2" variant="h5" gutterBottom>
        {t('languages.phrases.heading', { language: language.englishName })}
      </Typography>
      {!current && <Typography>{t('languages.phrases.loading')}</Typography>}
      {current?.problem && <Alert severity="warning">{t('languages.phrases.failed', { message: current.problem })}</Alert>}
      {current?.book && current.book.phrases.length === 0 && <Typography>{t('languages.phrases.none')}</Typography>}
      {current?.book && !current.book.showUnreviewed && <Typography sx={{ mb: 1 }}>{t('languages.phrases.unreviewedHidden')}</Typography>}
      {current?.book && current.book.phrases.length > 0 && (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 2 }} data-testid="phrase-book">
          {current.book.phrases.map((phrase) => (
            <PhraseRow key={phrase.id} phrase={phrase} book={current.book as PhraseBook} onShow={onShow} />
          ))}
        </Box>
      )}
    </Box>
  );
}

function PhraseRow({ phrase, book, onShow }: { phrase: ShownPhrase; book: PhraseBook; onShow: (phrase: PhraseOnScreen) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const placeholders = placeholdersIn(phrase.english);
  const missing = placeholders.some((name) => !values[name]?.trim());
  return (
    <Box component="li" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, bgcolor: 'background.paper' }} data-testid={`phrase-${phrase.id}`}>
      <Typography lang="en" sx={{ mb: 1 }}>
        {phrase.english}
      </Typography>
      <Typography lang={book.language} dir={book.direction} sx={{ fontFamily: fontFamilyFor(book.script), fontSize: '1.375rem', mb: 1 }} data-testid="phrase-translation">
        {phrase.text}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <Typography variant="body2">{t('languages.phrases.status', { status: t(`languages.phraseStatus.${phrase.status}`) })}</Typography>
        {!phrase.reviewed && <Chip size="small" color="warning" label={t('languages.phrases.unreviewed')} />}
        {placeholders.map((name) => (
          <TextField key={name} size="small" label={t('languages.phrases.fill', { name })} value={values[name] ?? ''} onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))} />
        ))}
        <Button
          variant="outlined"
          disabled={missing}
          onClick={() => onShow({ text: fillPlaceholders(phrase.text, values), english: fillPlaceholders(phrase.english, values), lang: book.language, dir: book.direction, script: book.script, reviewed: phrase.reviewed })}
        >
          {t('languages.phrases.show')}
        </Button>
      </Box>
    </Box>
  );
}
