import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import type { IdentityPolicy } from '../../shared/domain/identity-check';
import { ageOn } from './age';
import type { ShownHit } from './merge-online-hits';

/**
 * The results, redrawn on every keystroke: plain buttons styled by one stylesheet rather than
 * a component per line, and memoised, so typing redraws only when the results change. Each
 * shows only what the council's identity-check policy allows before the check: by default
 * the year of birth and the postcode district, not the full date and address.
 */
export const ResultList = memo(function ResultList({ hits, query, today, label, shows, onOpen }: { hits: readonly ShownHit[]; query: string; today: string; label: string; shows: IdentityPolicy['results']; onOpen: (residentId: string) => void }) {
  const { t } = useTranslation();
  const born = (dateOfBirth: string) => (shows.dateOfBirth === 'full' ? longDate(dateOfBirth) : dateOfBirth.slice(0, 4));
  const where = (addressLine: string, postcode: string) => (shows.address === 'full' ? `${addressLine}, ${postcode}` : t('search.district', { district: postcode.split(' ')[0] }));
  return (
    <ul id="resident-results" className="resident-results" aria-label={label} data-testid="resident-results" data-for-query={query}>
      {hits.map(({ entry, matched, fromCouncilSystem }) => (
        <li key={entry.residentId}>
          <button type="button" onClick={() => onOpen(entry.residentId)}>
            <strong>
              {entry.givenName} {entry.familyName}
            </strong>
            <span>
              {t('search.bornAge', { date: born(entry.dateOfBirth), age: ageOn(entry.dateOfBirth, today) })} · {where(entry.addressLine, entry.postcode)}
            </span>
            <span>
              {t('search.matched', { parts: matched.map((reason) => t(`search.reasons.${reason}`)).join(', ') })}
              {entry.vulnerable && ` · ${t('search.vulnerable')}`}
            </span>
            {fromCouncilSystem && <span className="from-council-system">{t('search.fromCouncilSystem')}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
});
