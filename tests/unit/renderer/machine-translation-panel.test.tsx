import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { MACHINE_TRANSLATION_LABEL } from '../../../shared/languages/interpreting';
import type { LanguageTable } from '../../../shared/languages/language-table';
import { BridgeProvider } from '../../../renderer/bridge/bridge-context';
import { createI18n } from '../../../renderer/i18n/i18n';
import { MachineTranslationPanel } from '../../../renderer/languages/MachineTranslationPanel';
import { fakeBridge, session, type FakeAnswers } from '../support/fake-bridge';

const table: LanguageTable = {
  builtFrom: { cldr: '48', builtOn: '2026-11-01' },
  languages: [
    { code: 'ar', englishName: 'Arabic', cldrEnglishName: null, autonym: 'العربية', autonymSource: 'cldr', script: 'Arab', direction: 'rtl', region: 'middle-east', aliases: [], supplierNames: {} },
    { code: 'so', englishName: 'Somali', cldrEnglishName: null, autonym: 'Soomaali', autonymSource: 'cldr', script: 'Latn', direction: 'ltr', region: 'africa', aliases: [], supplierNames: {} },
  ],
};

const noTable = () => {
  throw new Error('The language table has not been built.');
};

async function setUp(answers: FakeAnswers) {
  const sent: unknown[] = [];
  const fake = fakeBridge(session, {
    'translation.translate': (input) => {
      sent.push(input);
      const { text, to } = input as { text: string; to: string };
      return { text: `[${to}] ${text}`, from: 'en', to, label: MACHINE_TRANSLATION_LABEL };
    },
    ...answers,
  });
  render(
    <I18nextProvider i18n={await createI18n('en-GB')}>
      <BridgeProvider bridge={fake.bridge}>
        <MachineTranslationPanel />
      </BridgeProvider>
    </I18nextProvider>,
  );
  return { sent, user: userEvent.setup() };
}

describe('the machine translation panel', () => {
  it('translates for an enquiry into a language from the table, showing the result with lang, dir and the label', async () => {
    const { sent, user } = await setUp({ 'languages.table': () => table });
    const panel = screen.getByTestId('machine-translation');
    await user.type(within(panel).getByLabelText('Message in English'), 'Bins on Tuesday.');
    await user.selectOptions(await within(panel).findByLabelText('Translate into'), 'ar');
    await user.click(within(panel).getByRole('button', { name: 'Translate' }));
    const result = await within(panel).findByTestId('translation-text');
    expect(result.textContent).toBe('[ar] Bins on Tuesday.');
    expect(result.getAttribute('lang')).toBe('ar');
    expect(result.getAttribute('dir')).toBe('rtl');
    expect(within(panel).getByTestId('translation-label').textContent).toBe(MACHINE_TRANSLATION_LABEL);
    expect(sent).toEqual([{ text: 'Bins on Tuesday.', from: 'en', to: 'ar', purpose: 'enquiry' }]);
  });

  it('takes a language code when the table is not there', async () => {
    const { user } = await setUp({ 'languages.table': noTable });
    const panel = screen.getByTestId('machine-translation');
    await user.type(within(panel).getByLabelText('Message in English'), 'Hello');
    await user.type(within(panel).getByLabelText('Language code'), 'so');
    await user.click(within(panel).getByRole('button', { name: 'Translate' }));
    expect((await within(panel).findByTestId('translation-text')).getAttribute('lang')).toBe('so');
  });
});
