import type { TemplateChoice } from '../../notify/notify-connector';
import { trainingTemplates } from './templates';

/** Training's deployment settings for Notify, as a council's file names its templates. */
export const trainingTemplateChoices = (): TemplateChoice[] => trainingTemplates().map((template) => ({ purpose: template.purpose, channel: template.type, language: template.language, templateId: template.id }));
