import type { MessageChannel, MessagePurpose } from '../../../../shared/domain/resident-message';

/** A template as training's Notify holds it: fixed ids, so tests and the training host agree. */
export interface TrainingTemplate {
  id: string;
  purpose: MessagePurpose;
  type: MessageChannel;
  language: string;
  version: number;
  subject: string | null;
  body: string;
}

const sms = (id: string, purpose: MessagePurpose, language: string, body: string): TrainingTemplate => ({ id, purpose, type: 'sms', language, version: 1, subject: null, body });
const email = (id: string, purpose: MessagePurpose, subject: string, body: string): TrainingTemplate => ({ id, purpose, type: 'email', language: 'en', version: 1, subject, body });

/**
 * The training council's Notify templates, one per purpose, channel and language. Synthetic
 * wording; the Spanish and Polish ones are machine-quality drafts, as a council's would be
 * until a translator checks them.
 */
export const TRAINING_NOTIFY_TEMPLATES = {
  'online-link': {
    sms: {
      en: sms('0d6a1c2e-5b3f-4a8d-9c71-2e4f6a8b0c11', 'online-link', 'en', 'Southwark Council: as promised on your call, here is the link to ((service)), any time of day: ((link))'),
      es: sms('0d6a1c2e-5b3f-4a8d-9c71-2e4f6a8b0c12', 'online-link', 'es', 'Ayuntamiento de Southwark: como le prometimos, este es el enlace para ((service)), a cualquier hora: ((link))'),
      pl: sms('0d6a1c2e-5b3f-4a8d-9c71-2e4f6a8b0c13', 'online-link', 'pl', 'Rada Southwark: zgodnie z obietnicą, oto link do usługi ((service)), dostępny o każdej porze: ((link))'),
    },
    email: { en: email('0d6a1c2e-5b3f-4a8d-9c71-2e4f6a8b0c21', 'online-link', 'Southwark Council: ((service))', 'Hello,\n\nAs promised when you contacted us, here is the link to ((service)). You can use it at any time of day:\n\n((link))\n\nSouthwark Council') },
  },
  'case-reference': {
    sms: { en: sms('1e7b2d3f-6c40-4b9e-8d82-3f5a7b9c1d11', 'case-reference', 'en', 'Southwark Council: your ((service)) request is ((reference)). We aim to deal with it by ((due_date)). Quote the reference if you contact us.') },
    email: { en: email('1e7b2d3f-6c40-4b9e-8d82-3f5a7b9c1d21', 'case-reference', 'Your ((service)) request: ((reference))', 'Hello,\n\nYour ((service)) request is ((reference)). We aim to deal with it by ((due_date)).\n\nQuote the reference if you contact us about it.\n\nSouthwark Council') },
  },
  'callback-confirmation': {
    sms: { en: sms('2f8c3e40-7d51-4caf-9e93-4a6b8cad2e11', 'callback-confirmation', 'en', 'Southwark Council: we will call you back ((window)) about ((reason)).') },
    email: { en: email('2f8c3e40-7d51-4caf-9e93-4a6b8cad2e21', 'callback-confirmation', 'We will call you back', 'Hello,\n\nWe will call you back ((window)) about ((reason)).\n\nSouthwark Council') },
  },
  'appointment-reminder': {
    sms: { en: sms('3a9d4f51-8e62-4db0-8fa4-5b7c9dbe3f11', 'appointment-reminder', 'en', 'Southwark Council: a reminder of your appointment on ((date)) at ((time)), at ((place)).') },
    email: { en: email('3a9d4f51-8e62-4db0-8fa4-5b7c9dbe3f21', 'appointment-reminder', 'Your appointment on ((date))', 'Hello,\n\nA reminder of your appointment on ((date)) at ((time)), at ((place)).\n\nSouthwark Council') },
  },
} as const satisfies Record<MessagePurpose, Record<MessageChannel, Partial<Record<string, TrainingTemplate>>>>;

/** Every training template, as the stand-in serves them. */
export const trainingTemplates = (): TrainingTemplate[] => Object.values(TRAINING_NOTIFY_TEMPLATES).flatMap((byChannel) => Object.values(byChannel).flatMap((byLanguage) => Object.values(byLanguage) as TrainingTemplate[]));
