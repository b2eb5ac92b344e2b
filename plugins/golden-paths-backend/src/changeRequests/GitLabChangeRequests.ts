import { ResponseError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import {
  ChangeRequestInput,
  ChangeRequestService,
  NEEDS_ATTENTION_LABEL,
  OpenedChangeRequest,
} from './ChangeRequestService';

type GitLabMergeRequest = { iid: number; web_url: string };

/**
 * Merge requests on GitLab through its REST API (v4), with the token of the matching
 * `integrations.gitlab` entry. A merge request already open from the branch is answered instead
 * of a second; a conflicted one gets the needs-attention label.
 */
export class GitLabChangeRequests implements ChangeRequestService {
  constructor(private readonly integrations: ScmIntegrations) {}

  async open(input: ChangeRequestInput): Promise<OpenedChangeRequest> {
    if (input.target.kind !== 'gitlab') {
      throw new Error(`not a GitLab repository: ${input.target.kind}`);
    }
    const { host, project } = input.target;
    const integration = this.integrations.gitlab.byHost(host);
    if (!integration?.config.token) {
      throw new Error(`no integrations.gitlab entry with a token for ${host}`);
    }
    const base = `${
      integration.config.apiBaseUrl
    }/projects/${encodeURIComponent(project)}/merge_requests`;
    const headers = {
      'PRIVATE-TOKEN': integration.config.token,
      'content-type': 'application/json',
    };
    const key = (mr: GitLabMergeRequest) =>
      `gitlab:${host}/${project}!${mr.iid}`;

    const existing = await fetch(
      `${base}?${new URLSearchParams({
        state: 'opened',
        source_branch: input.sourceBranch,
        target_branch: input.targetBranch,
      })}`,
      { headers },
    );
    if (!existing.ok) throw await ResponseError.fromResponse(existing);
    const [open] = (await existing.json()) as GitLabMergeRequest[];
    if (open) {
      return { key: key(open), url: open.web_url, created: false };
    }
    const created = await fetch(base, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        source_branch: input.sourceBranch,
        target_branch: input.targetBranch,
        title: input.title,
        description: input.description,
        remove_source_branch: true,
        ...(input.conflicted && { labels: NEEDS_ATTENTION_LABEL }),
      }),
    });
    if (!created.ok) throw await ResponseError.fromResponse(created);
    const mergeRequest = (await created.json()) as GitLabMergeRequest;
    return { key: key(mergeRequest), url: mergeRequest.web_url, created: true };
  }
}
