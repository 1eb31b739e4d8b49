import type { IsoDateTime } from '../domain/dates';

/** An interpreting supplier's line, from the deployment configuration. */
export interface InterpreterLine {
  /** 'languageline': the key of supplierNames in the language table. */
  supplierId: string;
  supplierName: string;
  phone: string;
  accessCode: string;
  department: string;
  /** Sign languages need video or in-person booking: a separate line or a booking address. */
  kind: 'telephone' | 'video' | 'in-person';
}

export type InterpreterGender = 'no-preference' | 'female' | 'male';

/** An interpreted conversation, recorded on the contact it happened in. */
export interface InterpreterSession {
  id: string;
  language: string;
  /** The supplier's own name for the language, as it was asked for. */
  supplierLanguageName: string;
  supplierId: string;
  genderPreference: InterpreterGender;
  interpreterId: string;
  startedAt: IsoDateTime;
  endedAt: IsoDateTime | null;
}

/** Every machine translation is labelled as such, wherever it is shown. */
export const MACHINE_TRANSLATION_LABEL = 'Machine translation: it may be wrong.';

export interface MachineTranslation {
  text: string;
  from: string;
  to: string;
  label: typeof MACHINE_TRANSLATION_LABEL;
}
