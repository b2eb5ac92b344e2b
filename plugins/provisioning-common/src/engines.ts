import type { DatabaseType } from './types';

/** `spec.type` of the catalog `Resource` a ready request becomes. */
export const CATALOG_RESOURCE_TYPES = {
  database: 'database',
  cache: 'cache',
} as const;
export type CatalogResourceType =
  (typeof CATALOG_RESOURCE_TYPES)[keyof typeof CATALOG_RESOURCE_TYPES];

/** The connection facts a connection URL is built from. */
export interface ConnectionFacts {
  host: string;
  port: number;
  /** PostgreSQL: the database name; Redis: the logical database number. */
  database: string;
  username: string;
  password: string;
}

/**
 * What differs between the engines a request may ask for (`DatabaseRequest.type`): everything
 * else (guardrails, approval, processing, catalog, credentials) is one flow. Backend, frontend,
 * catalog module, scaffolder action and CLI read these definitions instead of branching on a
 * type name.
 */
export interface EngineDefinition {
  type: DatabaseType;
  /** Product name shown to people, e.g. `PostgreSQL`. */
  title: string;
  /** `spec.type` of the catalog `Resource`. */
  catalogResourceType: CatalogResourceType;
  /** Tag put on the catalog `Resource`. */
  tag: string;
  /** Port the engine listens on by default. */
  defaultPort: number;
  /** Versions offered when config names none (`provisioning.<type>.versions`), and the default. */
  versions: { offered: readonly string[]; default: string };
  /**
   * What the request's capacity field means for this engine: `storageGB` is disk for
   * PostgreSQL and memory (`maxmemory`) for Redis. Quotas count it either way.
   */
  capacity: { name: string; label: string; description: string };
  /** The URL clients connect with; it contains the password, so only the credentials endpoint builds it. */
  connectionUrl(facts: ConnectionFacts): string;
}

const userInfo = (facts: ConnectionFacts) =>
  `${encodeURIComponent(facts.username)}:${encodeURIComponent(facts.password)}`;

/** The definition of every engine in {@link DATABASE_TYPES}, keyed by type. */
export const ENGINE_DEFINITIONS: Readonly<
  Record<DatabaseType, EngineDefinition>
> = {
  postgresql: {
    type: 'postgresql',
    title: 'PostgreSQL',
    catalogResourceType: CATALOG_RESOURCE_TYPES.database,
    tag: 'postgresql',
    defaultPort: 5432,
    versions: { offered: ['15', '16', '17'], default: '16' },
    capacity: {
      name: 'storage',
      label: 'Storage (GB)',
      description: 'Disk space of the database',
    },
    connectionUrl: facts =>
      `postgresql://${userInfo(facts)}@${facts.host}:${
        facts.port
      }/${encodeURIComponent(facts.database)}`,
  },
  redis: {
    type: 'redis',
    title: 'Redis',
    catalogResourceType: CATALOG_RESOURCE_TYPES.cache,
    tag: 'redis',
    defaultPort: 6379,
    versions: { offered: ['7.0', '7.2'], default: '7.0' },
    capacity: {
      name: 'memory',
      label: 'Memory (GB)',
      description: 'Memory limit of the cache (maxmemory)',
    },
    connectionUrl: facts =>
      `redis://${userInfo(facts)}@${facts.host}:${
        facts.port
      }/${encodeURIComponent(facts.database)}`,
  },
};

/** The definition of an engine; throws for a type no definition exists for. */
export function engineDefinition(type: DatabaseType): EngineDefinition {
  const definition = ENGINE_DEFINITIONS[type];
  if (!definition) {
    throw new Error(`Unknown engine "${type}"`);
  }
  return definition;
}
