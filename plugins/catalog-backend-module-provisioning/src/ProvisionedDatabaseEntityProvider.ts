import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ResourceEntity,
} from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_PROVISIONING_REQUEST,
  LABEL_ENVIRONMENT,
  LABEL_PROVIDER,
  DatabaseRequest,
  databaseResourceEntityRef,
  engineDefinition,
  provisioningRequestEventSchema,
  requestPagePath,
} from '@paved/plugin-provisioning-common';

const PROVIDER_NAME = 'paved-provisioning';

/** Entity name of a request's database: as fixed by the backend when the request became ready. */
export function resourceName(request: DatabaseRequest): string {
  return databaseResourceEntityRef(request).split('/').pop()!;
}

/**
 * The catalog entity of a ready database or cache: `spec.type` and tag come from the engine's
 * definition (`database` for PostgreSQL, `cache` for Redis). `appBaseUrl` makes the link to the request page
 * absolute, as the catalog requires for links and location annotations.
 */
export function databaseResourceEntity(
  request: DatabaseRequest,
  appBaseUrl: string,
): ResourceEntity {
  const requestPage = `${appBaseUrl.replace(/\/+$/, '')}${requestPagePath(
    request.id,
  )}`;
  const namespace = request.owner.split(':')[1]?.split('/')[0] ?? 'default';
  const dependencyOf = [request.component, request.system].filter(
    (ref): ref is string => Boolean(ref),
  );
  const location = `url:${requestPage}`;
  const engine = engineDefinition(request.type);
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: resourceName(request),
      namespace,
      title: `${request.name} (${request.environment})`,
      description: `${engine.title} ${request.version ?? ''} ${
        engine.catalogResourceType
      } of ${request.owner} for ${request.environment}, provisioned by Paved (${
        request.provider
      }).`.replace('  ', ' '),
      annotations: {
        [ANNOTATION_PROVISIONING_REQUEST]: request.id,
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: location,
      },
      labels: {
        [LABEL_ENVIRONMENT]: request.environment,
        [LABEL_PROVIDER]: request.provider,
      },
      tags: [engine.tag, request.environment],
      links: [{ url: requestPage, title: 'Provisioning request' }],
    },
    spec: {
      type: engine.catalogResourceType,
      owner: request.owner,
      ...(request.system ? { system: request.system } : {}),
      ...(dependencyOf.length ? { dependencyOf } : {}),
    },
  };
}

/**
 * Delivers a `Resource` for every ready database request to the catalog. Each refresh is a full
 * mutation, so a deleted or expired database's entity disappears with it.
 */
export class ProvisionedDatabaseEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
      appBaseUrl: string;
      fetch?: typeof fetch;
    },
  ) {}

  getProviderName(): string {
    return PROVIDER_NAME;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  /**
   * A provisioning state change: refreshes when the payload is what provisioning publishes. A
   * payload that fails the shared schema is logged once with the reason and not acted on; the
   * scheduled refresh still brings the catalog up to date.
   */
  async onProvisioningEvent(payload: unknown): Promise<void> {
    const parsed = provisioningRequestEventSchema.safeParse(payload);
    if (!parsed.success) {
      const reason = parsed.error.issues
        .map(i => `${i.path.join('.') || 'payload'}: ${i.message}`)
        .join('; ');
      this.options.logger.warn(
        `Ignored a provisioning event that does not match its schema: ${reason}`,
      );
      return;
    }
    await this.refreshSafely();
  }

  /** {@link refresh}, logging instead of throwing (scheduled and event-driven runs). */
  async refreshSafely(): Promise<void> {
    try {
      await this.refresh();
    } catch (error) {
      this.options.logger.warn(
        `Refreshing database resources failed: ${(error as Error).message}`,
      );
    }
  }

  async refresh(): Promise<void> {
    if (!this.connection) return;
    const requests = await this.readyRequests();
    await this.connection.applyMutation({
      type: 'full',
      entities: requests.map(request => ({
        entity: databaseResourceEntity(request, this.options.appBaseUrl),
        locationKey: `${PROVIDER_NAME}:${request.id}`,
      })),
    });
    this.options.logger.debug(
      `Delivered ${requests.length} database resources`,
    );
  }

  private async readyRequests(): Promise<DatabaseRequest[]> {
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl('provisioning');
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'provisioning',
    });
    const response = await (this.options.fetch ?? fetch)(
      `${baseUrl}/requests?status=ready`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    if (!response.ok) throw await ResponseError.fromResponse(response as any);
    const body = (await response.json()) as { items: DatabaseRequest[] };
    return body.items;
  }
}
