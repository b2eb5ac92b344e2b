import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { LocalGitHost } from '@paved/plugin-githost-node';
import { PublishTarget } from '../config';

/** The service name rule every golden path shares (also the form's `pattern`). */
export const SERVICE_NAME_PATTERN = /^[a-z][a-z0-9-]{1,62}$/;

/** Why a name breaks the rule, or undefined when it keeps it. */
export function serviceNamePatternProblem(name: string): string | undefined {
  return SERVICE_NAME_PATTERN.test(name)
    ? undefined
    : `name: '${name}' must match ${SERVICE_NAME_PATTERN.source} (lower-case letters, digits and dashes, starting with a letter, 2 to 63 characters)`;
}

/**
 * Why a new service may not take this name: a component of that name in the catalog, or a
 * repository of that name on the local git host (when that is where golden paths publish).
 * The form asks this as you type and `paved:service:validate` asks it again before publishing.
 */
export async function serviceNameConflict(options: {
  name: string;
  namespace: string;
  catalog: CatalogService;
  gitHost: LocalGitHost;
  publishTarget: PublishTarget;
  credentials: BackstageCredentials;
}): Promise<string | undefined> {
  const { name, namespace, catalog, gitHost, credentials } = options;
  const componentRef = { kind: 'component', namespace, name };
  if (await catalog.getEntityByRef(componentRef, { credentials })) {
    return `name: ${stringifyEntityRef(componentRef)} already exists in the catalog`;
  }
  if (options.publishTarget === 'local' && (await gitHost.exists(name))) {
    return `name: repository '${name}' already exists on the local git host`;
  }
  return undefined;
}
