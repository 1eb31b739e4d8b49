import type { AccountStatus, ColleagueWithPresence, Me, MyPresence, ServiceTeam } from '../../../shared/contract/microsoft365';

/** Microsoft 365 answers for renderer tests: an officer signed in, a team, and its members. */
export const signedOut: AccountStatus = { signedIn: false, signingIn: false, kept: 'keychain', keptReason: null, problem: null };
export const signedIn: AccountStatus = { signedIn: true, signingIn: false, kept: 'keychain', keptReason: null, problem: null, userId: 'me-1', name: 'Amara Okafor', username: 'amara.okafor@example.org' };

export const myPresence = (overrides: Partial<MyPresence> = {}): MyPresence => ({ userId: 'me-1', availability: 'Available', activity: 'Available', preferredUntil: null, ...overrides });
export const me = (presence: MyPresence = myPresence()): Me => ({ profile: { id: 'me-1', displayName: 'Amara Okafor', jobTitle: 'Customer service officer', department: 'Contact centre', mail: 'amara.okafor@example.org' }, photo: null, presence });

export const wasteTeam: ServiceTeam = { service: 'waste', teamId: 'team-waste', name: 'Waste and recycling experts', canEscalate: true };
export const parkingTeam: ServiceTeam = { service: 'parking', teamId: 'team-parking', name: 'Parking experts', canEscalate: false };

export const sam = (availability: ColleagueWithPresence['presence']['availability'] = 'Available', activity = 'Available'): ColleagueWithPresence => ({
  id: 'sam-1',
  displayName: 'Sam Adeyemi',
  jobTitle: 'Waste team leader',
  department: 'Environment',
  mail: 'sam.adeyemi@example.org',
  presence: { userId: 'sam-1', availability, activity },
});
