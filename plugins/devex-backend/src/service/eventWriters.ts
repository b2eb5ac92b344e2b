import {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  Violation,
  formatViolation,
  violationsError,
} from '@paved/backend-platform';
import { DevexEvent } from '@paved/plugin-devex-common';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { GITHUB_SOURCE } from '../ingest/githubDeliveries';

/** The writer the GitHub webhook stores its events under. */
export const GITHUB_WEBHOOK_WRITER = 'webhook:github';
/** The writer of the plugin's own events (the demo seed). */
export const PLUGIN_WRITER = 'plugin:devex';

/**
 * Who may write which events through `POST /events`, and under which writer they are stored.
 *
 * - Services (a CI token from `backend.auth.externalAccess`, another plugin): any service's
 *   events; they are what pipelines report.
 * - Signed-in users: only events whose subject is a component owned by one of their teams (or
 *   by themselves), so a developer can report their own team's deployments from a script but
 *   never another team's.
 * - Nobody writes source `github` here: it belongs to the webhook, whose ids a writer could
 *   otherwise take first.
 *
 * Every event is stored with its writer; only that writer may replace it (the store refuses the
 * rest with 409).
 */
export async function eventWriter(options: {
  credentials: BackstageCredentials;
  events: DevexEvent[];
  directory: ServiceDirectory;
  userInfo: UserInfoService;
}): Promise<string> {
  const { credentials, events, directory, userInfo } = options;
  const reserved: Violation[] = events.flatMap((event, index) =>
    event.source.toLocaleLowerCase('en-US') === GITHUB_SOURCE
      ? [
          {
            field: `events[${index}].source`,
            problem: `"${GITHUB_SOURCE}" is reserved for the GitHub webhook`,
            rule: 'reserved-source',
          },
        ]
      : [],
  );
  if (reserved.length > 0) throw violationsError(reserved);

  const principal = credentials.principal as {
    type: string;
    subject?: string;
    userEntityRef?: string;
  };
  if (principal.type === 'service') return `service:${principal.subject}`;
  if (principal.type !== 'user' || !principal.userEntityRef) {
    throw new NotAllowedError('events are written by services or users');
  }

  // The sign-in's ownership claims, and the user's teams in the catalog (a guest token names only
  // the user).
  const { ownershipEntityRefs } = await userInfo.getUserInfo(credentials);
  const owners = new Set(
    [
      principal.userEntityRef,
      ...ownershipEntityRefs,
      ...(await directory.groupsOf(principal.userEntityRef)),
    ].map(ref => ref.toLocaleLowerCase('en-US')),
  );
  const components = new Map(
    (await directory.components()).map(c => [c.entityRef, c.ownerRef]),
  );
  const foreign: Violation[] = [];
  events.forEach((event, index) => {
    const owner = components.get(event.subject.toLocaleLowerCase('en-US'));
    if (!owner || !owners.has(owner)) {
      foreign.push({
        field: `events[${index}].subject`,
        problem: `${event.subject} is not owned by a team of ${principal.userEntityRef}; users may write events only for their teams' services`,
        rule: 'owner',
      });
    }
  });
  if (foreign.length > 0) {
    throw new NotAllowedError(foreign.map(formatViolation).join('; '));
  }
  return principal.userEntityRef.toLocaleLowerCase('en-US');
}
