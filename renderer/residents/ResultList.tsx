import type { TFunction } from 'i18next';
import { memo } from 'react';
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
  t: TFunction;
}

/**
 * One resident found. Its props are plain values, so a row that is the same as on the last
 * keystroke (the usual case while a name is typed out) is not drawn again. It takes the list's
 * translator rather than asking for its own: a row's own useTranslation costs a subscription
 * to the language for every row drawn, which the trace of a keystroke showed among its costs.
 */
const ResultRow = memo(function ResultRow({ residentId, name, dateOfBirth, addressLine, postcode, matched, vulnerable, fromCouncilSystem, today, shows, onOpen, t }: RowProps) {
  const born = shows.dateOfBirth === 'full' ? longDate(dateOfBirth) : dateOfBirth.slice(0, 4);
  const where = shows.address === 'full' ? `${addressLine}, ${postcode}` : t('search.district', { district: postcode.split(' ')[0] });
  return (
    <li>
      <button type="button" onClick={() => onOpen(residentId)}>
        <strong>{name}</strong>
        <span>
          {t('search.bornAge', { date: born, age: ageOn(dateOfBirth, today) })} · {where}
        </span>
        <span>
          {t('search.matched', { parts: matched.split(' ').map((reason) => t(`search.reasons.${reason as MatchReason}`)).join(', ') })}
          {vulnerable && ` · ${t('search.vulnerable')}`}
        </span>
        {fromCouncilSystem && <span className="from-council-system">{t('search.fromCouncilSystem')}</span>}
      </button>
    </li>
  );
});

/**
 * The results, redrawn on every keystroke: plain elements styled by one stylesheet rather than
 * a component library's list, keyed by resident, so only rows that changed are drawn. Each
 * shows only what the council's identity-check policy allows before the check: by default
 * the year of birth and the postcode district, not the full date and address.
 * `data-for-query` is the text these results are for (benchmarks and tests wait on it).
 */
export const ResultList = memo(function ResultList({ hits, query, today, label, shows, onOpen }: { hits: readonly ShownHit[]; query: string; today: string; label: string; shows: IdentityPolicy['results']; onOpen: (residentId: string) => void }) {
  const { t } = useTranslation();
  return (
    <ul id="resident-results" className="resident-results" aria-label={label} data-testid="resident-results" data-for-query={query}>
      {hits.map(({ entry, matched, fromCouncilSystem }) => (
        <ResultRow
          key={entry.residentId}
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
          t={t}
        />
      ))}
    </ul>
  );
});
