import { MACHINE_TRANSLATION_LABEL, type MachineTranslation } from '../../../shared/languages/interpreting';
import type { StaffUser } from '../../../shared/domain/staff';
import { NotPossible } from '../ipc/router';
import { NOT_SET_UP, TranslationProblem, type Translator } from './azure-translator';

export type TranslationPurpose = 'enquiry' | 'case-notes' | 'signposting' | 'safeguarding' | 'legal' | 'payment';

/** Never machine-translated: a mistake here could harm someone or cost them money or rights. */
export const REFUSED_PURPOSES: ReadonlySet<TranslationPurpose> = new Set(['safeguarding', 'legal', 'payment']);

export interface TranslationLog {
  info(message: string, details?: Record<string, unknown>): void;
}

export interface TranslationRequest {
  text: string;
  from: string | null;
  to: string;
  purpose: TranslationPurpose;
}

/**
 * Machine translation as staff may use it: off unless configured, refused for safeguarding,
 * legal and payment matters, every use logged (languages, purpose, length, who; never the
 * text), every result labelled as machine translation.
 */
export function createTranslationService(deps: { translator: () => Promise<Translator | null>; user: () => StaffUser | null; log: TranslationLog }) {
  return {
    async translate(request: TranslationRequest): Promise<MachineTranslation> {
      const staff = deps.user();
      if (!staff) throw new NotPossible('Sign in to use machine translation.');
      if (REFUSED_PURPOSES.has(request.purpose)) {
        deps.log.info('machine translation refused', { purpose: request.purpose, from: request.from, to: request.to, characters: request.text.length, staffId: staff.id });
        throw new NotPossible('Machine translation is never used for safeguarding, legal or payment matters. Book an interpreter instead.');
      }
      const translator = await deps.translator();
      if (!translator) throw new NotPossible(NOT_SET_UP);
      deps.log.info('machine translation', { purpose: request.purpose, from: request.from ?? 'detect', to: request.to, characters: request.text.length, staffId: staff.id });
      try {
        const result = await translator.translate(request.text, request.from, request.to);
        return { text: result.text, from: result.from, to: result.to, label: MACHINE_TRANSLATION_LABEL };
      } catch (error) {
        if (error instanceof TranslationProblem) throw new NotPossible(error.message);
        throw error;
      }
    },
  };
}
