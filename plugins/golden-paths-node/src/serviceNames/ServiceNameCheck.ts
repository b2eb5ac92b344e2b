import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Violation, formatViolation } from '@paved/backend-platform';
import {
  SERVICE_NAME_PATTERN,
  SERVICE_NAME_RULE,
  ServiceNameAnswer,
} from '@paved/plugin-golden-paths-common';
import { LocalGitHost } from '@paved/plugin-githost-node';
import { PublishTarget } from '../settings/goldenPathSettings';

/** Catalog namespaces: what the catalog model accepts in `metadata.namespace`. */
export const NAMESPACE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * May a new golden-path service take a name? One check, asked by the form as you type
 * (`GET /api/golden-paths/service-names/:name`) and again by `paved:service:validate` before
 * anything is published: the name keeps {@link SERVICE_NAME_PATTERN}; no component of that name
 * is in the catalog; and, where golden paths publish to the local git host, no repository there
 * has it.
 */
export class ServiceNameCheck {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      gitHost: LocalGitHost;
      publishTarget: PublishTarget;
    },
  ) {}

  /** How a name breaks the pattern, or undefined when it keeps it. */
  static patternViolation(name: string): Violation | undefined {
    return SERVICE_NAME_PATTERN.test(name)
      ? undefined
      : {
          field: 'name',
          problem: `'${name}' ${SERVICE_NAME_RULE} (${SERVICE_NAME_PATTERN.source})`,
          rule: 'pattern',
        };
  }

  /**
   * The answer for a name. `ownRepositoryOfTask` accepts the repository a retried or recovered
   * task published itself on an earlier attempt: that is not a conflict.
   */
  async check(options: {
    name: string;
    namespace: string;
    credentials: BackstageCredentials;
    ownRepositoryOfTask?: string;
  }): Promise<ServiceNameAnswer> {
    const { name, namespace, credentials, ownRepositoryOfTask } = options;
    const violation = ServiceNameCheck.patternViolation(name);
    const problem = violation
      ? formatViolation(violation)
      : await this.conflict(name, namespace, credentials, ownRepositoryOfTask);
    return problem
      ? { name, available: false, problem }
      : { name, available: true };
  }

  private async conflict(
    name: string,
    namespace: string,
    credentials: BackstageCredentials,
    ownRepositoryOfTask: string | undefined,
  ): Promise<string | undefined> {
    const { catalog, gitHost, publishTarget } = this.options;
    if (publishTarget === 'local' && ownRepositoryOfTask) {
      if (await gitHost.publishedByTask(name, ownRepositoryOfTask)) {
        return undefined;
      }
    }
    const componentRef = stringifyEntityRef({
      kind: 'component',
      namespace,
      name,
    });
    if (await catalog.getEntityByRef(componentRef, { credentials })) {
      return formatViolation({
        field: 'name',
        problem: `${componentRef} already exists in the catalog`,
        rule: 'unique-name',
      });
    }
    if (publishTarget === 'local' && (await gitHost.exists(name))) {
      return formatViolation({
        field: 'name',
        problem: `repository '${name}' already exists on the local git host`,
        rule: 'unique-name',
      });
    }
    return undefined;
  }
}
