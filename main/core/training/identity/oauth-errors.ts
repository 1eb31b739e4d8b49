import { randomUUID } from 'node:crypto';

export interface OAuthError {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  suberror?: string;
}

/**
 * An error in the shape Microsoft Entra ID sends ({error, error_description, error_codes, ...}),
 * with its AADSTS number leading the description, so the app's failure messages are tested
 * against what it will really meet.
 */
export function oauthError(error: string, aadsts: number, text: string, now: Date, extra: { suberror?: string } = {}): OAuthError {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = now.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return {
    error,
    error_description: `AADSTS${String(aadsts)}: ${text} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    ...extra,
  };
}
