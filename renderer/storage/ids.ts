/**
 * Record ids are made here, not by the server, so a case keeps one id from its first
 * keystroke to Dataverse: resending it can never make a second case.
 */
export const newId = (): string => crypto.randomUUID();

export const nowIso = (): string => new Date().toISOString();

