import type { DatabaseRequest } from './types';

/** Catalog entity names are at most 63 characters. */
const ENTITY_NAME_MAX_LENGTH = 63;

function namespaceOf(owner: string): string {
  return /^[^:]+:([^/]+)\//.exec(owner)?.[1] ?? 'default';
}

/**
 * The entity refs a request's catalog `Resource` may take, preferred first, all in the owning
 * group's namespace:
 *
 * 1. `<name>-<environment>`, when it fits in 63 characters;
 * 2. `<name>-<environment>` cut to fit, then `-` and the first 8 hex digits of the request id;
 * 3. the same with ever more of the id, up to all 32 hex digits.
 *
 * The backend gives a ready request the first of these that no other request holds, decided once
 * and stored (`DatabaseRequest.resourceEntityRef`), with a unique index as the last word: two
 * requests can never get the same entity, however long or alike their names are, and a ref never
 * changes afterwards. Plain names end in an environment and suffixed ones in hex digits, so a
 * chosen name cannot imitate another request's suffixed one.
 */
export function databaseResourceEntityRefCandidates(
  request: Pick<DatabaseRequest, 'id' | 'owner' | 'name' | 'environment'>,
): string[] {
  const namespace = namespaceOf(request.owner);
  const base = `${request.name}-${request.environment}`;
  const hex = (request.id ?? '').replace(/-/g, '').toLocaleLowerCase('en-US');
  const candidates: string[] = [];
  if (base.length <= ENTITY_NAME_MAX_LENGTH || !hex) {
    // Without an id (a dry run's prediction) the plain name, cut to fit, is the best guess.
    candidates.push(base.slice(0, ENTITY_NAME_MAX_LENGTH).replace(/-+$/, ''));
  }
  for (const digits of hex ? [8, 12, 16, 32] : []) {
    const suffix = hex.slice(0, digits);
    const prefix = base
      .slice(0, ENTITY_NAME_MAX_LENGTH - suffix.length - 1)
      .replace(/-+$/, '');
    candidates.push(`${prefix}-${suffix}`);
  }
  return [...new Set(candidates)].map(name => `resource:${namespace}/${name}`);
}

/**
 * The entity ref a request's `Resource` is expected to get: the one the backend fixed
 * (`resourceEntityRef`) once the request is ready, else the preferred candidate of
 * {@link databaseResourceEntityRefCandidates}.
 */
export function databaseResourceEntityRef(
  request: Pick<DatabaseRequest, 'id' | 'owner' | 'name' | 'environment'> & {
    resourceEntityRef?: string;
  },
): string {
  return (
    request.resourceEntityRef ?? databaseResourceEntityRefCandidates(request)[0]
  );
}

/**
 * Labels Paved puts on what it provisions: on the catalog `Resource` and on the rendered
 * Crossplane objects (Terraform's module tags carry the same keys). Kubernetes label values, so
 * selectors such as `paved.dev/environment=production` work in the catalog and the cluster alike.
 */
export const LABEL_ENVIRONMENT = 'paved.dev/environment';
/** Label: the provider id that serves the request (see {@link LABEL_ENVIRONMENT}). */
export const LABEL_PROVIDER = 'paved.dev/provider';
/** Label: the owning group's name (see {@link LABEL_ENVIRONMENT}). */
export const LABEL_OWNER = 'paved.dev/owner';

/** Annotations on rendered Crossplane objects: who owns and asked for the database, and for what. */
export const PROVISIONED_OBJECT_ANNOTATIONS = {
  owner: 'paved.dev/owner',
  requestedBy: 'paved.dev/requested-by',
  system: 'paved.dev/system',
  component: 'paved.dev/component',
} as const;

/**
 * Keys of a database's Kubernetes connection Secret, as Paved's Crossplane Composition writes them
 * (`infrastructure/crossplane/composition.yaml`, `connectionDetails`) and as the golden paths'
 * Helm chart reads them (`PGHOST`, `PGPORT`, `PGUSER`, `PGPASSWORD`). The database name is not in
 * the Secret: the chart gets it as a value.
 */
export const DATABASE_CONNECTION_SECRET_KEYS = {
  host: 'host',
  port: 'port',
  username: 'username',
  password: 'password',
} as const;

/**
 * The name of the Kubernetes Secret holding a database's connection, in the owning team's
 * namespace: `<name>-<environment>-connection` (Crossplane's `<object name>-connection`, the object
 * being named `<name>-<environment>`). Providers report the Secret they really wrote as
 * `outputs.connectionSecret`; this is what every provider that does not decide otherwise uses (the
 * sandbox), and the prediction a service's chart gets while a request awaits approval.
 */
export function databaseConnectionSecretName(
  request: Pick<DatabaseRequest, 'name' | 'environment'>,
): string {
  return `${request.name}-${request.environment}-connection`;
}
