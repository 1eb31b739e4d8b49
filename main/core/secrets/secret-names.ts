/**
 * Every name CivicDesk keeps in the keychain, in one place, so no two parts of the app
 * overwrite each other's secrets by accident.
 */

/** The Azure AI Translator resource key (live mode). */
export const TRANSLATOR_KEY_SECRET = 'civicdesk/azure-translator-key';

/** MSAL's token cache: the officer's Microsoft 365 account and its refresh token. */
export const MSAL_TOKEN_CACHE_SECRET = 'civicdesk/msal-token-cache';

/** The key that encrypts the resident-access audit queue waiting on this computer (main/core/residents/audit-queue-file.ts). */
export const AUDIT_QUEUE_KEY_SECRET = 'civicdesk/audit-queue-key';

/** Each officer's data key, which seals what the computer keeps about residents: this prefix and their id. */
export const DATA_KEY_SECRET_PREFIX = 'civicdesk/data-key/';
/** GOV.UK Notify's API key for texts and emails to residents (live mode): `{key name}-{service id}-{secret}`. */
export const NOTIFY_KEY_SECRET = 'civicdesk/govuk-notify-key';
