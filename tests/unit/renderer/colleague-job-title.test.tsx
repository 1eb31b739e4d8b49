import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ColleagueLine } from '../../../renderer/colleagues/ColleaguesPlace';
import { createI18n } from '../../../renderer/i18n/i18n';
import { sam } from './microsoft365-fixtures';

async function showLine(jobTitle: string | null) {
  render(
    <I18nextProvider i18n={await createI18n('en-GB')}>
      <ul>
        <ColleagueLine colleague={{ ...sam(), jobTitle }} presence={null} />
      </ul>
    </I18nextProvider>,
  );
  return screen.getByRole('listitem');
}

describe('a colleague\'s job title', () => {
  it('is shown when the tenant shares it', async () => {
    const line = await showLine('Waste team leader');
    expect(line.textContent).toBe('Sam AdeyemiWaste team leader');
  });

  it('says plainly, not as an error, when the tenant gives CivicDesk only the basic profile', async () => {
    const line = await showLine(null);
    expect(line.textContent).toBe('Sam AdeyemiJob title not shared by your tenant');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
