import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { longDate } from '../../shared/call-scripts/answers';
import type { SearchHit } from '../../shared/domain/directory';
import { ageOn } from './age';

/**
 * The results, redrawn on every keystroke: plain buttons styled by one stylesheet rather than
 * a component per line, and memoised, so typing redraws only when the results change.
 */
export const ResultList = memo(function ResultList({ hits, query, today, label, onOpen }: { hits: SearchHit[]; query: string; today: string; label: string; onOpen: (residentId: string) => void }) {
  const { t } = useTranslation();
  return (
    <ul id="resident-results" className="resident-results" aria-label={label} data-testid="resident-results" data-for-query={query}>
      {hits.map(({ entry, matched }) => (
        <li key={entry.residentId}>
          <button type="button" onClick={() => onOpen(entry.residentId)}>
            <strong>
              {entry.givenName} {entry.familyName}
            </strong>
            <span>
              {t('search.bornAge', { date: longDate(entry.dateOfBirth), age: ageOn(entry.dateOfBirth, today) })} · {entry.addressLine}, {entry.postcode}
            </span>
            <span>
              {t('search.matched', { parts: matched.map((reason) => t(`search.reasons.${reason}`)).join(', ') })}
              {entry.vulnerable && ` · ${t('search.vulnerable')}`}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
});
