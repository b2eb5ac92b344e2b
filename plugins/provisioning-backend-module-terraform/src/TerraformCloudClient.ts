/** Run states after which Terraform Cloud does nothing more with a run. */
const SUCCESSFUL_RUN_STATES = new Set(['applied', 'planned_and_finished']);
const FAILED_RUN_STATES = new Set([
  'errored',
  'canceled',
  'force_canceled',
  'discarded',
]);

export interface TerraformRun {
  id: string;
  status: string;
  message: string;
}

export type RunOutcome = 'succeeded' | 'failed' | 'in-progress';

export function runOutcome(run: TerraformRun): RunOutcome {
  if (SUCCESSFUL_RUN_STATES.has(run.status)) return 'succeeded';
  if (FAILED_RUN_STATES.has(run.status)) return 'failed';
  return 'in-progress';
}

/**
 * The few calls of the Terraform Cloud / Enterprise API (JSON:API) the provider makes: start a
 * run in a workspace, find runs by their message, read a run, and read the workspace's outputs.
 */
export class TerraformCloudClient {
  constructor(
    private readonly options: {
      baseUrl: string;
      token: string;
      workspaceId: string;
    },
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async createRun(message: string, autoApply: boolean): Promise<TerraformRun> {
    const body = await this.request('POST', '/api/v2/runs', {
      data: {
        type: 'runs',
        attributes: { message, 'auto-apply': autoApply },
        relationships: {
          workspace: {
            data: { type: 'workspaces', id: this.options.workspaceId },
          },
        },
      },
    });
    return toRun(body.data);
  }

  /** The newest of the workspace's recent runs whose message is exactly `message`. */
  async findRun(message: string): Promise<TerraformRun | undefined> {
    const body = await this.request(
      'GET',
      `/api/v2/workspaces/${encodeURIComponent(
        this.options.workspaceId,
      )}/runs?page%5Bsize%5D=100`,
    );
    return (body.data as unknown[])
      .map(toRun)
      .find(run => run.message === message);
  }

  async getRun(runId: string): Promise<TerraformRun> {
    const body = await this.request(
      'GET',
      `/api/v2/runs/${encodeURIComponent(runId)}`,
    );
    return toRun(body.data);
  }

  /** Non-sensitive outputs of the workspace's current state, by name. */
  async currentOutputs(): Promise<Record<string, unknown>> {
    const body = await this.request(
      'GET',
      `/api/v2/workspaces/${encodeURIComponent(
        this.options.workspaceId,
      )}/current-state-version-outputs`,
    );
    const outputs: Record<string, unknown> = {};
    for (const item of body.data as Array<{
      attributes: { name: string; value: unknown; sensitive: boolean };
    }>) {
      if (!item.attributes.sensitive) {
        outputs[item.attributes.name] = item.attributes.value;
      }
    }
    return outputs;
  }

  private async request(
    method: string,
    apiPath: string,
    payload?: unknown,
  ): Promise<any> {
    const response = await this.fetchImpl(`${this.options.baseUrl}${apiPath}`, {
      method,
      headers: {
        authorization: `Bearer ${this.options.token}`,
        'content-type': 'application/vnd.api+json',
        accept: 'application/vnd.api+json',
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await response.text();
    if (!response.ok) {
      let detail = '';
      try {
        detail = (JSON.parse(text).errors ?? [])
          .map((e: { title?: string; detail?: string }) => e.detail ?? e.title)
          .join('; ');
      } catch {
        detail = text.slice(0, 200);
      }
      throw new Error(
        `Terraform Cloud ${method} ${apiPath.split('?')[0]} answered ${
          response.status
        }${detail ? `: ${detail}` : ''}`,
      );
    }
    return text ? JSON.parse(text) : {};
  }
}

function toRun(data: any): TerraformRun {
  return {
    id: String(data.id),
    status: String(data.attributes?.status ?? 'unknown'),
    message: String(data.attributes?.message ?? ''),
  };
}
