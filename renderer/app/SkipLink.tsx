import { useTranslation } from 'react-i18next';

/** The first thing a keyboard user reaches: straight past the banner and places. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="skip-link"
      style={{ position: 'absolute', left: '-10000px', top: 0 }}
      onFocus={(event) => Object.assign(event.currentTarget.style, { left: '0.5rem', top: '0.5rem', zIndex: '10', background: '#ffdd00', color: '#0b0c0c', padding: '0.5rem 1rem' })}
      onBlur={(event) => Object.assign(event.currentTarget.style, { left: '-10000px' })}
    >
      {t('app.skipToContent')}
    </a>
  );
}
