import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PhraseBook } from '../../shared/languages/phrases';
import type { Resident } from '../../shared/domain/resident';
import { useBridge } from '../bridge/bridge-context';
import { InterpreterDialog } from '../languages/InterpreterDialog';
import { LanguageLabel, useLanguageTable } from '../languages/use-language-table';

/** How many of the phrase book's prompts the banner shows; the rest are in the Languages place. */
export const BANNER_PROMPTS = 3;

const BSL = 'bfi';

/** What the banner has to say about a resident, or null when they speak English and need no interpreter. */
export function languageNeeds(resident: Pick<Resident, 'language' | 'accessibilityNeeds'>): { language: string; english: boolean; interpreter: boolean; bsl: boolean } | null {
  const language = resident.language.preferred;
  const english = /^en(?:-|$)/i.test(language);
  const bsl = language.toLowerCase() === BSL || resident.accessibilityNeeds.includes('bsl-interpreter');
  const interpreter = resident.language.interpreterNeeded || bsl;
  if (english && !interpreter) return null;
  return { language, english, interpreter, bsl };
}

type Phrases = { state: 'loading' } | { state: 'loaded'; book: PhraseBook } | { state: 'failed'; message: string; refused: boolean };

/** The phrase book for a spoken language, for the banner's first few prompts. */
function usePhraseBook(language: string | null): Phrases | null {
  const bridge = useBridge();
  const [phrases, setPhrases] = useState<{ language: string; phrases: Phrases } | null>(null);
  useEffect(() => {
    if (language === null) return;
    let live = true;
    void bridge.languages.phrases({ language }).then((outcome) => {
      if (!live) return;
      setPhrases({ language, phrases: outcome.ok ? { state: 'loaded', book: outcome.value } : { state: 'failed', message: outcome.error.message, refused: outcome.error.code === 'not-possible' } });
    });
    return () => {
      live = false;
    };
  }, [bridge, language]);
  if (language === null) return null;
  return phrases?.language === language ? phrases.phrases : { state: 'loading' };
}

export interface LanguageBannerProps {
  /** The resident's name as the record shows it. */
  name: string;
  residentId: string | null;
  /** Null before the identity check: the live region is there already, so the banner is announced when it appears. */
  resident: Pick<Resident, 'language' | 'accessibilityNeeds'> | null;
  /** Shows the phrases to the resident in the Languages place; no button without it. */
  onShowPhrases?: (language: string) => void;
  /** Anything else the banner should offer, after its own actions. */
  actions?: ReactNode;
}

/**
 * At the top of the resident's record, by itself, when the resident prefers a language other
 * than English or needs an interpreter (spoken or BSL): who needs what, in words, the language
 * named in English and in itself, and the first prompts from the phrase book with their
 * translation (lang and dir set) and whether a translator has checked it.
 */
export function LanguageBanner(props: LanguageBannerProps) {
  const needs = props.resident ? languageNeeds(props.resident) : null;
  return (
    // A polite live region that is there before the record is, so the banner is announced when it appears.
    <div aria-live="polite" data-testid="language-banner-live">
      {needs && <NeedsBanner key={`${props.residentId ?? ''}:${needs.language}:${String(needs.bsl)}`} {...props} needs={needs} />}
    </div>
  );
}

function NeedsBanner({ name, residentId, onShowPhrases, actions, needs }: LanguageBannerProps & { needs: NonNullable<ReturnType<typeof languageNeeds>> }) {
  const { t } = useTranslation();
  // The dialog is made on first use and kept, so closing and opening it again goes on with the same interpreted session.
  const [interpreter, setInterpreter] = useState<{ open: boolean } | null>(null);
  const { nameOf } = useLanguageTable();
  const spoken = !needs.english && needs.language.toLowerCase() !== BSL ? needs.language : null;
  const phrases = usePhraseBook(spoken);
  const language = nameOf(needs.language);
  // A BSL need books a BSL interpreter (the video line), whatever the spoken language.
  const interpreterLanguage = needs.bsl ? BSL : needs.language;

  return (
    <Alert severity="info" role="region" aria-label={t('languageBanner.label')} data-testid="language-banner" sx={{ mb: 2, '& .MuiAlert-message': { width: '100%' } }}>
      <Typography component="p" sx={{ fontWeight: 700 }} data-testid="language-banner-summary">
        {needs.english ? (
          t(needs.bsl ? 'languageBanner.needsBsl' : 'languageBanner.needsInterpreter', { name })
        ) : (
          <Trans t={t} i18nKey={needs.interpreter ? 'languageBanner.prefersAndNeedsInterpreter' : 'languageBanner.prefers'} values={{ name }} components={{ language: <LanguageLabel name={language} /> }} />
        )}
      </Typography>
      {needs.bsl && (
        <Typography component="p" data-testid="language-banner-bsl">
          {t('languageBanner.bsl')}
        </Typography>
      )}
      {phrases && (
        // Only the sentences above are announced; the prompts are there to read out or show.
        <Box aria-live="off" sx={{ mt: 1 }}>
          <Prompts phrases={phrases} languageName={language.englishName} />
        </Box>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
        <Button variant="contained" size="small" onClick={() => setInterpreter({ open: true })} data-testid="language-banner-interpreter">
          {t('languageBanner.getInterpreter')}
        </Button>
        {onShowPhrases && spoken && (
          <Button variant="outlined" size="small" onClick={() => onShowPhrases(spoken)} data-testid="language-banner-show-phrases">
            {t('languageBanner.showPhrases')}
          </Button>
        )}
        {actions}
      </Box>
      {interpreter && <InterpreterDialog open={interpreter.open} onClose={() => setInterpreter({ open: false })} language={interpreterLanguage} residentId={residentId} />}
    </Alert>
  );
}

function Prompts({ phrases, languageName }: { phrases: Phrases; languageName: string }) {
  const { t } = useTranslation();
  if (phrases.state === 'loading') return null;
  // A refusal's message says what to do, in plain English; anything else is a failure to load.
  if (phrases.state === 'failed') return <Typography data-testid="language-banner-phrases-failed">{phrases.refused ? phrases.message : t('languageBanner.phrasesFailed', { message: phrases.message })}</Typography>;
  const { book } = phrases;
  const shown = book.phrases.filter((phrase) => phrase.status !== 'withdrawn').slice(0, BANNER_PROMPTS);
  if (shown.length === 0) return <Typography data-testid="language-banner-no-phrases">{t('languageBanner.noPhrases')}</Typography>;
  return (
    <>
      <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 700 }}>
        {t('languageBanner.prompts')}
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }} data-testid="language-banner-prompts">
        {shown.map((phrase) => (
          <Box component="li" key={phrase.id} data-testid={`prompt-${phrase.id}`} sx={{ borderInlineStart: 3, borderColor: 'divider', paddingInlineStart: 1 }}>
            <Box component="span" sx={{ display: 'block' }}>
              <Box component="span" sx={{ fontWeight: 600 }}>
                {t('languageBanner.english')}:
              </Box>{' '}
              <span lang="en-GB" dir="ltr">
                {phrase.english}
              </span>
            </Box>
            <Box component="span" sx={{ display: 'block' }}>
              <Box component="span" sx={{ fontWeight: 600 }}>
                {t('languageBanner.inLanguage', { language: languageName })}:
              </Box>{' '}
              <Box component="span" sx={{ fontSize: '1.125rem' }} lang={book.language} dir={book.direction} data-testid="prompt-translation">
                {phrase.text}
              </Box>
            </Box>
            {!phrase.reviewed && (
              <Box component="span" data-testid="phrase-not-checked" sx={{ display: 'inline-block', mt: 0.5, px: 0.75, border: 1, borderRadius: 1, fontSize: '0.875rem', fontWeight: 600 }}>
                {t('languageBanner.notChecked')}
              </Box>
            )}
          </Box>
        ))}
      </Box>
    </>
  );
}
