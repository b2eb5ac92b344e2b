import fs from 'node:fs';
import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Settings that concern the whole platform rather than one plugin. They live once, under the
 * top-level `paved:` key, and every plugin reads them through {@link platformSettingsServiceRef}
 * (or {@link readPlatformSettings} where there is no service registry, as in scripts).
 */
export interface PlatformSettings {
  /** Group that approves infrastructure and administers the catalog, e.g. `group:default/platform`. */
  platformTeam: string;
  /** Directory of development state (`.data/`): SQLite files, the local git host, snapshots. */
  dataDirectory: string;
  /** Directory of the local git host's bare repositories (default `<dataDirectory>/git`). */
  gitHostDirectory: string;
}

/** The group that approves and administers when `paved.platformTeam` is not set. */
export const DEFAULT_PLATFORM_TEAM = 'group:default/platform';

/**
 * The repository root is the nearest ancestor with a workspaces package.json; the backend runs
 * from packages/backend in development, tests and scripts from elsewhere. Outside a repository
 * (a container), the start directory itself.
 */
export function findRepoRoot(start: string): string {
  let dir = path.resolve(start);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).workspaces) {
          return dir;
        }
      } catch {
        // An unreadable manifest is not a repository root; keep walking up.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return path.resolve(start);
    }
    dir = parent;
  }
}

/** `platform` → `group:default/platform`; refs are compared in lower case. */
export function normaliseGroupRef(ref: string): string {
  return stringifyEntityRef(
    parseEntityRef(ref.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

/**
 * Reads the platform-wide settings. Relative directories are relative to the backend's working
 * directory, like every other path in app-config.yaml.
 */
export function readPlatformSettings(
  config: Config,
  cwd: string = process.cwd(),
): PlatformSettings {
  const team =
    config.getOptionalString('paved.platformTeam') ?? DEFAULT_PLATFORM_TEAM;
  let platformTeam: string;
  try {
    platformTeam = normaliseGroupRef(team);
  } catch (error) {
    throw new Error(
      `paved.platformTeam: must be a group entity ref such as group:default/platform (got '${team}')`,
    );
  }
  if (!platformTeam.startsWith('group:')) {
    throw new Error(
      `paved.platformTeam: must name a group, such as group:default/platform (got '${team}')`,
    );
  }
  const configuredData = config.getOptionalString('paved.dataDirectory');
  const dataDirectory = configuredData
    ? path.resolve(cwd, configuredData)
    : path.join(findRepoRoot(cwd), '.data');
  const configuredGit = config.getOptionalString('paved.gitHost.directory');
  const gitHostDirectory = configuredGit
    ? path.resolve(cwd, configuredGit)
    : path.join(dataDirectory, 'git');
  return { platformTeam, dataDirectory, gitHostDirectory };
}

/** The platform-wide settings as a root service, so plugins depend on them like on any other service. */
export const platformSettingsServiceRef = createServiceRef<PlatformSettings>({
  id: 'paved.platform-settings',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) => readPlatformSettings(config),
    }),
});
