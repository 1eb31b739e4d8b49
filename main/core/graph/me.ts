import type { Colleague, Me } from '../../../shared/contract/microsoft365';
import { sendBatch } from './batch';
import { batchBody, reading } from './graph-errors';
import type { GraphPresence } from './presence';
import type { ServiceContext } from './service-context';

export interface GraphUser {
  id: string;
  displayName: string | null;
  jobTitle?: string | null;
  department?: string | null;
  mail?: string | null;
}

export const USER_FIELDS = 'id,displayName,jobTitle,department,mail';

export function toColleague(user: GraphUser): Colleague {
  return {
    id: user.id,
    displayName: user.displayName ?? '',
    jobTitle: user.jobTitle ?? null,
    department: user.department ?? null,
    mail: user.mail ?? null,
  };
}

/**
 * The officer's profile, photo and presence in one $batch: one round trip at start-up.
 * A photo comes back in a batch as base64 (Graph encodes non-JSON bodies); no photo is a 404.
 */
export async function loadMe(context: ServiceContext, myPresence: (raw: GraphPresence) => Me['presence']): Promise<Me> {
  return reading(async () => {
    const answers = await sendBatch(context, [
      { id: 'profile', method: 'GET', url: `/me?$select=${USER_FIELDS}` },
      { id: 'photo', method: 'GET', url: '/me/photo/$value' },
      { id: 'presence', method: 'GET', url: '/me/presence' },
    ]);
    const profile = batchBody<GraphUser>(answers.get('profile'));
    const presence = batchBody<GraphPresence>(answers.get('presence'));
    const photoAnswer = answers.get('photo');
    let photo: string | null = null;
    if (photoAnswer && photoAnswer.status === 200 && typeof photoAnswer.body === 'string') photo = `data:image/jpeg;base64,${photoAnswer.body}`;
    else if (photoAnswer && photoAnswer.status !== 404) context.log.warn('The Microsoft 365 photo could not be read.', { status: photoAnswer.status });
    return { profile: toColleague(profile), photo, presence: myPresence(presence) };
  });
}
