import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import {
  ChangeRequestInput,
  ChangeRequestService,
  NEEDS_ATTENTION_LABEL,
  OpenedChangeRequest,
} from './ChangeRequestService';

/**
 * Pull requests on GitHub (or GitHub Enterprise), with the credentials of the matching
 * `integrations.github` entry (a token or a GitHub App). A pull request already open from the
 * branch is answered instead of a second; a conflicted one gets the needs-attention label.
 */
export class GitHubChangeRequests implements ChangeRequestService {
  private readonly credentials;

  constructor(private readonly integrations: ScmIntegrations) {
    this.credentials =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  }

  /** An Octokit for the host, authenticated for the repository. */
  async client(host: string, owner: string, repo: string): Promise<Octokit> {
    const integration = this.integrations.github.byHost(host);
    if (!integration) {
      throw new Error(`no integrations.github entry for ${host}`);
    }
    const { token } = await this.credentials.getCredentials({
      url: `https://${host}/${owner}/${repo}`,
    });
    return new Octokit({ auth: token, baseUrl: integration.config.apiBaseUrl });
  }

  async open(input: ChangeRequestInput): Promise<OpenedChangeRequest> {
    if (input.target.kind !== 'github') {
      throw new Error(`not a GitHub repository: ${input.target.kind}`);
    }
    const { host, owner, repo } = input.target;
    const octokit = await this.client(host, owner, repo);
    const key = (number: number) => `github:${host}/${owner}/${repo}#${number}`;

    const { data: open } = await octokit.pulls.list({
      owner,
      repo,
      state: 'open',
      head: `${owner}:${input.sourceBranch}`,
      base: input.targetBranch,
    });
    if (open.length > 0) {
      return {
        key: key(open[0].number),
        url: open[0].html_url,
        created: false,
      };
    }
    const { data: pull } = await octokit.pulls.create({
      owner,
      repo,
      head: input.sourceBranch,
      base: input.targetBranch,
      title: input.title,
      body: input.description,
    });
    if (input.conflicted) {
      await octokit.issues.addLabels({
        owner,
        repo,
        issue_number: pull.number,
        labels: [NEEDS_ATTENTION_LABEL],
      });
    }
    return { key: key(pull.number), url: pull.html_url, created: true };
  }
}
