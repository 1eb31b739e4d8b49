import type { TFunction } from 'i18next';
import { memo, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import type { MatchReason } from '../../shared/domain/directory';
import type { IdentityPolicy } from '../../shared/domain/identity-check';
import { ageOn } from './age';
import type { ShownHit } from './merge-online-hits';

interface RowProps {
  residentId: string;
  name: string;
  dateOfBirth: string;
  addressLine: string;
  postcode: string;
  /** The reasons joined, so a row whose reasons are the same compares equal. */
  matched: string;
  vulnerable: boolean;
  /** Found by the council's system and not yet on this computer (H3): said in words, not by colour. */
  fromCouncilSystem: boolean;
  today: string;
  shows: IdentityPolicy['results'];
  onOpen: (residentId: string) => void;
  /** The list's translator: the same function until the language changes, so it leaves the row's props equal. */
  say: Say;
}

type Say = (key: string, values?: Record<string, string | number>) => string;

/** Phrases kept, at most; past that they are forgotten and asked for again. */
const KEPT_PHRASES = 2_000;

/**
 * i18next's t(), with each phrase it gives kept. A row's phrases repeat from resident to
 * resident (a year of birth with an age, a postcode district, the reasons matched), yet each
 * t() call parses its key and interpolates again: in the trace of bench:search, t() was about
 * 0.7 ms of a keystroke that missed the first frame. A new translator (the language changed)
 * starts with none kept.
 */
function keptPhrases(t: TFunction): Say {
  const kept = new Map<string, string>();
  return (key, values) => {
    const id = values ? `${key}\u0000${Object.values(values).join('\u0000')}` : key;
    let phrase = kept.get(id);
    if (phrase === undefined) {
      if (kept.size >= KEPT_PHRASES) kept.clear();
      phrase = values ? t(key, values) : t(key);
      kept.set(id, phrase);
    }
    return phrase;
  };
}

/**
 * One resident found. Its props are plain values, so a row that shows the same as it did on the
 * last keystroke (common while a name is typed out) is not drawn again. It takes the list's
 * translator rather than asking for its own: a row's own useTranslation costs a subscription
 * to the language for every row drawn, which the trace of a keystroke showed among its costs.
 */
const ResultRow = memo(function ResultRow({ residentId, name, dateOfBirth, addressLine, postcode, matched, vulnerable, fromCouncilSystem, today, shows, onOpen, say }: RowProps) {
  const born = shows.dateOfBirth === 'full' ? longDate(dateOfBirth) : dateOfBirth.slice(0, 4);
  const where = shows.address === 'full' ? `${addressLine}, ${postcode}` : say('search.district', { district: postcode.split(' ')[0] ?? '' });
  const why = say('search.matched', { parts: matched.split(' ').map((reason) => say(`search.reasons.${reason as MatchReason}`)).join(', ') });
  // Each line one string, so one text node for the page to make and lay out rather than three.
  return (
    <li>
      <button type="button" onClick={() => onOpen(residentId)}>
        <strong>{name}</strong>
        <span>{`${say('search.bornAge', { date: born, age: ageOn(dateOfBirth, today) })} · ${where}`}</span>
        <span>{vulnerable ? `${why} · ${say('search.vulnerable')}` : why}</span>
        {fromCouncilSystem && <span className="from-council-system">{say('search.fromCouncilSystem')}</span>}
      </button>
    </li>
  );
});

/**
 * The results, redrawn on every keystroke: plain elements styled by one stylesheet rather than
 * a component library's list. Rows are keyed by their place in the list, not by resident: a
 * keystroke that changes who is found rewrites the rows' text rather than removing elements
 * and making new ones, and a row that is the same as before is not drawn again. In bench:search,
 * keys by resident put the keystrokes' p95 at 21.9-22.1 ms and the input handler's at 7.4-9.5;
 * keys by place, 18.5-20.6 and 5.8-6.2. So that the row an officer is on never turns into
 * another resident under them, the list holds what it shows while focus is in it (Tab from
 * the box) and the text searched is the same, and shows the latest results when focus goes
 * elsewhere.
 * Each row shows only what the council's identity-check policy allows before the check: by
 * default the year of birth and the postcode district, not the full date and address.
 * `data-for-query` is the text the rows shown are for (benchmarks and tests wait on it).
 */
export const ResultList = memo(function ResultList({ hits, query, today, label, shows, onOpen }: { hits: readonly ShownHit[]; query: string; today: string; label: string; shows: IdentityPolicy['results']; onOpen: (residentId: string) => void }) {
  const { t } = useTranslation();
  const say = useMemo(() => keptPhrases(t), [t]);
  const [held, setHeld] = useState<{ hits: readonly ShownHit[]; query: string } | null>(null);
  // Held only against new results for the same text (more of the directory arriving, the
  // council's system answering): results for other text (a call filling the box, the contact
  // ending) show at once, so nothing of an earlier caller stays on screen.
  if (held && held.query !== query) setHeld(null);
  const shown = held && held.query === query ? held : { hits, query };
  const list = useRef<HTMLUListElement>(null);
  // Focus that leaves for nowhere (the window put aside) comes back to the same row, so the
  // list lets go only once focus is somewhere else on the page.
  const letGoUnlessInside = () =>
    setTimeout(() => {
      if (list.current && !list.current.contains(document.activeElement)) setHeld(null);
    }, 0);
  return (
    <ul
      ref={list}
      id="resident-results"
      className="resident-results"
      aria-label={label}
      data-testid="resident-results"
      data-for-query={shown.query}
      onFocus={() => setHeld((now) => now ?? { hits, query })}
      onBlur={letGoUnlessInside}
    >
      {shown.hits.map(({ entry, matched, fromCouncilSystem }, position) => (
        <ResultRow
          key={position}
          residentId={entry.residentId}
          name={`${entry.givenName} ${entry.familyName}`}
          dateOfBirth={entry.dateOfBirth}
          addressLine={entry.addressLine}
          postcode={entry.postcode}
          matched={matched.join(' ')}
          vulnerable={entry.vulnerable}
          fromCouncilSystem={fromCouncilSystem === true}
          today={today}
          shows={shows}
          onOpen={onOpen}
          say={say}
        />
      ))}
    </ul>
  );
});
