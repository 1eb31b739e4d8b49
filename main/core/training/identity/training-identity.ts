import type { TrainingDataset } from '../generator';
import { buildGraphSeed, TRAINING_TENANT_ID } from '../graph/seed';
import { staffObjectId } from '../dataverse/rows-people';
import { startIdentityStandIn, type IdentityStandIn, type IdentityStandInOptions } from './identity-stand-in';

/** The training app registration's client id: made up, like everything in training. */
export const TRAINING_CLIENT_ID = '00000000-0000-4000-8000-00000000c1d0';

/**
 * Training's one Microsoft Entra ID for a run: the training staff as its users (the same object
 * ids and sign-in names as the Graph seed gives them), CivicDesk's training app registration the
 * only client. The Dataverse stand-in and the Graph stand-in both trust its tokens, so an
 * officer's token for one is refused by the other, as in a real tenant.
 */
export function startTrainingIdentity(training: TrainingDataset, options: { now: () => Date; alter?: (options: IdentityStandInOptions) => IdentityStandInOptions }): Promise<IdentityStandIn> {
  const settings: IdentityStandInOptions = {
    tenantId: TRAINING_TENANT_ID,
    users: [
      ...training.staff.map((member) => ({ oid: staffObjectId(training, member.id), name: member.displayName, username: member.email })),
      // The service teams' experts from the Graph seed (its people do not depend on the day or the residents), so a colleague can sign in too.
      ...buildGraphSeed({ staff: training.staff, residents: [], today: options.now().toISOString().slice(0, 10), seed: training.seed })
        .users.filter((user) => user.staffId === undefined)
        .map((user) => ({ oid: user.id, name: user.displayName, username: user.userPrincipalName })),
    ],
    clientIds: [TRAINING_CLIENT_ID],
    now: options.now,
  };
  return startIdentityStandIn((options.alter ?? ((same) => same))(settings));
}
