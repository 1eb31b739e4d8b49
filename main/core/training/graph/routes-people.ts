import { badRequest, graphError, notFound, type GraphReply } from './graph-errors';
import { pageOf } from './paging';
import { context, presenceOf, userById, type GraphWorld, type PreferredPresence, type Route, type RouteRequest } from './world';
import type { SeedUser } from './seed';

const MEMBERS_PAGE = 10;

/** A tiny grey JPEG: enough for the client to show a photo. */
const PHOTO = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==',
  'base64',
);

function userJson(user: SeedUser) {
  const [givenName = null, ...rest] = user.displayName.split(' ');
  return {
    id: user.id,
    displayName: user.displayName,
    givenName,
    surname: rest.length > 0 ? rest.join(' ') : null,
    mail: user.mail,
    userPrincipalName: user.userPrincipalName,
    jobTitle: user.jobTitle,
    department: user.department,
    businessPhones: [],
    mobilePhone: null,
    officeLocation: null,
  };
}

/** The permissions that read everything of another user's profile, not only the basic set. */
const FULL_PROFILE = ['user.read.all', 'user.readwrite.all', 'directory.read.all', 'directory.readwrite.all'];

/**
 * Another user's profile as the token may see it. With User.ReadBasic.All only, Graph gives
 * the basic set (display name, first and last name, email address, user principal name, id and
 * photo: the permissions reference, "User.ReadBasic.All") and leaves the rest, job title and
 * department among them, null. One's own profile is always whole.
 */
function userFor(request: RouteRequest, user: SeedUser) {
  const whole = userJson(user);
  const granted = request.scp.toLowerCase().split(' ');
  if (user.id === request.me || FULL_PROFILE.some((scope) => granted.includes(scope))) return whole;
  return { ...whole, jobTitle: null, department: null, businessPhones: [], mobilePhone: null, officeLocation: null };
}

/** Half the seeded people have a photo, chosen by their id, so both cases are seen. */
function hasPhoto(userId: string): boolean {
  return parseInt(userId.charAt(0), 16) % 2 === 0;
}

/** Graph's pairing of preferred availability and activity. */
const PAIRS: Record<string, string> = { Available: 'Available', Busy: 'Busy', DoNotDisturb: 'DoNotDisturb', BeRightBack: 'BeRightBack', Away: 'Away', Offline: 'OffWork' };

function durationMs(iso: string): number | null {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?$/.exec(iso);
  if (!match || (!match[1] && !match[2])) return null;
  return (Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60_000;
}

/**
 * presence: setPresence's supported pairs (v1.0 reference, "Supported combinations of
 * availability and activity"): fewer than a preferred presence takes.
 */
const SESSION_PAIRS: readonly (readonly [string, string])[] = [
  ['Available', 'Available'],
  ['Busy', 'InACall'],
  ['Busy', 'InAConferenceCall'],
  ['Away', 'Away'],
  ['DoNotDisturb', 'Presenting'],
];
const SESSION_MINUTES = { least: 5, most: 240, default: 5 };

/**
 * The checks before a presence session is touched. A delegated token reaches only its own
 * user's presence. The reference says to "provide the ID of the application as sessionId";
 * another id is refused as a bad request, so a client that names its session anything else
 * fails here as it would against a tenant.
 */
function sessionRefusal(world: GraphWorld, request: RouteRequest, userId: string): GraphReply | null {
  if (userId !== request.me) return graphError(403, 'Forbidden', 'A delegated token can set the presence of the signed-in user only.', world.now());
  const sessionId = (request.body as { sessionId?: unknown } | null)?.sessionId;
  if (typeof sessionId !== 'string' || sessionId === '') return badRequest(world.now(), 'sessionId is required: the ID of the application.');
  if (request.appId !== undefined && sessionId.toLowerCase() !== request.appId.toLowerCase()) return badRequest(world.now(), 'sessionId must be the ID of the application that calls.');
  return null;
}

function setPresence(world: GraphWorld, request: RouteRequest, userId: string): GraphReply {
  const refused = sessionRefusal(world, request, userId);
  if (refused) return refused;
  const body = request.body as { sessionId: string; availability?: unknown; activity?: unknown; expirationDuration?: unknown };
  if (!SESSION_PAIRS.some(([availability, activity]) => availability === body.availability && activity === body.activity)) {
    return badRequest(world.now(), `The availability and activity '${String(body.availability)}/${String(body.activity)}' are not a supported combination for setPresence.`);
  }
  const minutes = body.expirationDuration === undefined ? SESSION_MINUTES.default : typeof body.expirationDuration === 'string' ? (durationMs(body.expirationDuration) ?? -1) / 60_000 : -1;
  if (minutes < SESSION_MINUTES.least || minutes > SESSION_MINUTES.most) return badRequest(world.now(), 'expirationDuration must be from PT5M to PT4H.');
  const sessions = world.sessions.get(userId) ?? new Map<string, PreferredPresence>();
  sessions.set(body.sessionId.toLowerCase(), { availability: String(body.availability), activity: String(body.activity), until: new Date(world.now().getTime() + minutes * 60_000) });
  world.sessions.set(userId, sessions);
  return { status: 200 };
}

function clearPresence(world: GraphWorld, request: RouteRequest, userId: string): GraphReply {
  const refused = sessionRefusal(world, request, userId);
  if (refused) return refused;
  const sessionId = String((request.body as { sessionId: string }).sessionId).toLowerCase();
  // "If the presence session doesn't exist, this method returns a 404 NotFound response."
  if (!world.sessions.get(userId)?.delete(sessionId)) return notFound(world.now(), 'The presence session');
  return { status: 200 };
}

export function peopleRoutes(world: GraphWorld): Route[] {
  const now = () => world.now();
  return [
    [
      'GET',
      /^\/me$/,
      (request) => {
        const user = userById(world, request.me);
        return user ? { status: 200, body: { '@odata.context': context(world, 'users/$entity'), ...userJson(user) } } : notFound(now(), 'The user');
      },
    ],
    [
      'GET',
      /^\/me\/photo\/\$value$/,
      (request) =>
        hasPhoto(request.me)
          ? { status: 200, bytes: { contentType: 'image/jpeg', data: PHOTO } }
          : graphError(404, 'ImageNotFound', 'The photo wasn\'t found.', now()),
    ],
    ['GET', /^\/me\/presence$/, (request) => ({ status: 200, body: { '@odata.context': context(world, 'users(\'me\')/presence/$entity'), ...presenceOf(world, request.me), statusMessage: null } })],
    [
      'POST',
      /^\/me\/presence\/setUserPreferredPresence$/,
      (request) => {
        const body = (request.body ?? {}) as { availability?: string; activity?: string; expirationDuration?: string };
        if (!body.availability || PAIRS[body.availability] !== body.activity) return badRequest(now(), 'The availability and activity are not a supported pair.');
        const ms = body.expirationDuration ? durationMs(body.expirationDuration) : 24 * 60 * 60_000;
        if (ms === null) return badRequest(now(), 'expirationDuration must be an ISO 8601 duration such as PT1H.');
        world.preferred.set(request.me, { availability: body.availability, activity: body.activity ?? body.availability, until: new Date(now().getTime() + ms) });
        return { status: 200 };
      },
    ],
    ['POST', /^\/me\/presence\/setPresence$/, (request) => setPresence(world, request, request.me)],
    ['POST', /^\/users\/([^/]+)\/presence\/setPresence$/, (request, id) => setPresence(world, request, id)],
    ['POST', /^\/me\/presence\/clearPresence$/, (request) => clearPresence(world, request, request.me)],
    ['POST', /^\/users\/([^/]+)\/presence\/clearPresence$/, (request, id) => clearPresence(world, request, id)],
    [
      'POST',
      /^\/me\/presence\/clearUserPreferredPresence$/,
      (request) => {
        world.preferred.delete(request.me);
        return { status: 200 };
      },
    ],
    [
      'GET',
      /^\/users$/,
      (request) => {
        const search = request.query.get('$search');
        if (search !== null && request.headers.consistencylevel?.toLowerCase() !== 'eventual') {
          return graphError(400, 'Request_UnsupportedQuery', "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'", now());
        }
        let users = world.seed.users;
        if (search !== null) {
          const match = /^"displayName:(.*)"$/.exec(search.trim());
          if (!match) return badRequest(now(), 'Invalid $search: use "property:words".');
          const words = (match[1] ?? '').toLowerCase().split(/\s+/).filter(Boolean);
          // Graph's directory search matches the start of each word of the name.
          users = users.filter((user) => {
            const parts = user.displayName.toLowerCase().split(/[\s-]+/);
            return words.every((word) => parts.some((part) => part.startsWith(word)));
          });
        }
        return { status: 200, body: pageOf(users.map((user) => userFor(request, user)), { origin: world.origin(), path: request.path, query: request.query, pageSize: 100, context: 'users' }) };
      },
    ],
    [
      'GET',
      /^\/users\/([^/]+)$/,
      (request, id) => {
        const user = userById(world, id);
        return user ? { status: 200, body: { '@odata.context': context(world, 'users/$entity'), ...userFor(request, user) } } : notFound(now(), `Resource '${id}'`);
      },
    ],
    [
      'GET',
      /^\/teams\/([^/]+)$/,
      (_request, id) => {
        const team = world.seed.teams.find((candidate) => candidate.id === id);
        if (!team) return notFound(now(), `Team '${id}'`);
        return { status: 200, body: { '@odata.context': context(world, 'teams/$entity'), id: team.id, displayName: team.displayName, description: `${team.service} experts`, visibility: 'private', isArchived: false } };
      },
    ],
    [
      'GET',
      /^\/teams\/([^/]+)\/members$/,
      (request, id) => {
        const team = world.seed.teams.find((candidate) => candidate.id === id);
        if (!team) return notFound(now(), `Team '${id}'`);
        const members = team.memberIds.map((userId) => {
          const user = userById(world, userId);
          return {
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            id: Buffer.from(`${team.id}##${userId}`).toString('base64'),
            roles: [],
            displayName: user?.displayName ?? null,
            visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
            userId,
            email: user?.mail ?? null,
            tenantId: world.seed.tenantId,
          };
        });
        return { status: 200, body: pageOf(members, { origin: world.origin(), path: request.path, query: request.query, pageSize: MEMBERS_PAGE, context: `teams('${team.id}')/members` }) };
      },
    ],
    [
      'POST',
      /^\/communications\/getPresencesByUserId$/,
      (request) => {
        const ids = (request.body as { ids?: unknown } | null)?.ids;
        if (!Array.isArray(ids) || ids.length === 0 || ids.length > 650) return badRequest(now(), 'ids must list 1 to 650 user ids.');
        return { status: 200, body: { '@odata.context': context(world, 'Collection(microsoft.graph.presence)'), value: ids.map((id) => presenceOf(world, String(id))) } };
      },
    ],
  ];
}
