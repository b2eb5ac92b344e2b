import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { mergeRequestSchema } from '@paved/plugin-githost-common';
import {
  ChangeRequestInput,
  ChangeRequestService,
  OpenedChangeRequest,
} from './ChangeRequestService';

/** The key of a local merge request, as its events identify it. */
export function localChangeKey(repository: string, id: number): string {
  return `local:${repository}!${id}`;
}

/**
 * Merge requests on Paved's local git host, opened through the githost plugin's API with the
 * golden-paths plugin's own service token (the git host stores them, shows the diff and lets the
 * owners merge).
 */
export class LocalGitHostChangeRequests implements ChangeRequestService {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async open(input: ChangeRequestInput): Promise<OpenedChangeRequest> {
    if (input.target.kind !== 'local') {
      throw new Error(`not a local repository: ${input.target.kind}`);
    }
    const { repository } = input.target;
    const baseUrl = await this.deps.discovery.getBaseUrl('githost');
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: await this.deps.auth.getOwnServiceCredentials(),
      targetPluginId: 'githost',
    });
    const response = await fetch(
      `${baseUrl}/repositories/${encodeURIComponent(
        repository,
      )}/merge-requests`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          sourceBranch: input.sourceBranch,
          targetBranch: input.targetBranch,
          title: input.title,
          description: input.description,
          conflicted: input.conflicted,
        }),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const mergeRequest = mergeRequestSchema.parse(await response.json());
    return {
      key: localChangeKey(repository, mergeRequest.id),
      url: mergeRequest.url,
      created: response.status === 201,
    };
  }
}
