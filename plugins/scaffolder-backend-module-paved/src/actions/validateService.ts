import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { LocalGitHost } from '@paved/plugin-githost-node';
import { repoContentsUrl } from '@paved/plugin-githost-node';
import { PavedScaffolderConfig } from '../config';
import yaml from 'yaml';
import {
  serviceNameConflict,
  serviceNamePatternProblem,
} from '../service/serviceNames';

/** Annotation on Template entities carrying the template's version. */
export const TEMPLATE_VERSION_ANNOTATION = 'paved.dev/template-version';

export const validateServiceExamples = [
  {
    description:
      'Re-check the form on the server before anything is published, and learn where to publish',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'paved:service:validate',
          name: 'Check name and owner',
          input: {
            name: 'payments-api',
            owner: 'group:default/payments',
            system: 'system:default/payments',
          },
        },
      ],
    }),
  },
];

function parseRef(
  field: string,
  value: string,
  kind: string,
): CompoundEntityRef {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, {
      defaultKind: kind,
      defaultNamespace: 'default',
    });
  } catch (error) {
    throw new InputError(`${field}: '${value}' is not an entity reference`);
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== kind) {
    throw new InputError(
      `${field}: '${value}' must refer to a ${kind}, not a ${ref.kind}`,
    );
  }
  return ref;
}

/**
 * `paved:service:validate`: the server-side twin of the golden-path form. Refuses a name that
 * breaks the pattern, an unknown owner or system, and a name already taken in the catalog or on
 * the git host, before anything is published. It also resolves what later steps need from
 * configuration and the template itself (publish target, lineage annotations), so templates do not
 * change when the publish target does.
 */
export function createValidateServiceAction(options: {
  catalog: CatalogService;
  gitHost: LocalGitHost;
  config: PavedScaffolderConfig;
}) {
  const { catalog, gitHost, config } = options;
  return createTemplateAction({
    id: 'paved:service:validate',
    description:
      'Checks a new service name, owner and system against the catalog and the git host, and resolves the publish target and template lineage',
    examples: validateServiceExamples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z.string({ description: 'Name of the new component and repository' }),
        owner: z => z.string({ description: 'Owning group, as an entity ref' }),
        system: z =>
          z
            .string({ description: 'System the component belongs to' })
            .optional(),
        namespace: z =>
          z
            .string({ description: 'Catalog namespace of the new component' })
            .default('default'),
      },
      output: {
        publishTarget: z =>
          z.enum(['local', 'github', 'gitlab'], {
            description: 'Where the template publishes: paved.publish.target',
          }),
        repoUrl: z =>
          z.string({
            description:
              'For github/gitlab targets: the repoUrl for publish:github / publish:gitlab',
          }),
        sourceLocation: z =>
          z.string({
            description: 'Where the repository contents will be readable',
          }),
        owner: z => z.string({ description: 'The owner as a full entity ref' }),
        system: z =>
          z.string({
            description: 'The system as a full entity ref, or empty',
          }),
        templateRef: z =>
          z.string({ description: 'Entity ref of the running template' }),
        templateVersion: z =>
          z.string({
            description: `The template's ${TEMPLATE_VERSION_ANNOTATION}`,
          }),
        codeOwner: z =>
          z.string({
            description:
              'The owner as CODEOWNERS names it (org/team on GitHub)',
          }),
        projectSlug: z =>
          z.string({
            description:
              'owner/name on GitHub (github.com/project-slug), else empty',
          }),
        createdOn: z => z.string({ description: 'Today, as YYYY-MM-DD (UTC)' }),
      },
    },
    async handler(ctx) {
      const { name, namespace } = ctx.input;
      const patternProblem = serviceNamePatternProblem(name);
      if (patternProblem) throw new InputError(patternProblem);
      const credentials = await ctx.getInitiatorCredentials();

      const ownerRef = parseRef('owner', ctx.input.owner, 'group');
      const owner = await catalog.getEntityByRef(ownerRef, { credentials });
      if (!owner) {
        throw new InputError(
          `owner: ${stringifyEntityRef(
            ownerRef,
          )} does not exist in the catalog`,
        );
      }

      let system = '';
      if (ctx.input.system) {
        const systemRef = parseRef('system', ctx.input.system, 'system');
        if (!(await catalog.getEntityByRef(systemRef, { credentials }))) {
          throw new InputError(
            `system: ${stringifyEntityRef(
              systemRef,
            )} does not exist in the catalog`,
          );
        }
        system = stringifyEntityRef(systemRef);
      }

      // A retried or recovered task finds what its own first attempt published and registered;
      // that is not a conflict.
      const ownEarlierAttempt =
        config.publishTarget === 'local' &&
        (await gitHost.publishedByTask(name, ctx.task.id)) !== undefined;

      if (!ownEarlierAttempt) {
        const conflict = await serviceNameConflict({
          name,
          namespace,
          catalog,
          gitHost,
          publishTarget: config.publishTarget,
          credentials,
        });
        if (conflict) throw new InputError(conflict);
      }

      let repoUrl = '';
      let sourceLocation: string;
      if (config.publishTarget === 'local') {
        sourceLocation = `${repoContentsUrl(
          config.backendBaseUrl,
          name,
          'main',
        )}/`;
      } else {
        const remote = config[config.publishTarget]!;
        repoUrl = `${remote.host}?owner=${encodeURIComponent(
          remote.owner,
        )}&repo=${encodeURIComponent(name)}`;
        const treePath =
          config.publishTarget === 'gitlab' ? '/-/tree/main/' : '/tree/main/';
        sourceLocation = `https://${remote.host}/${remote.owner}/${name}${treePath}`;
      }

      const template = ctx.templateInfo?.entity?.metadata;
      const templateRef = template
        ? stringifyEntityRef({
            kind: 'template',
            namespace: template.namespace ?? 'default',
            name: template.name,
          })
        : '';

      ctx.output('publishTarget', config.publishTarget);
      ctx.output('repoUrl', repoUrl);
      ctx.output('sourceLocation', sourceLocation);
      ctx.output('owner', stringifyEntityRef(ownerRef));
      ctx.output('system', system);
      ctx.output('templateRef', templateRef);
      ctx.output(
        'codeOwner',
        config.publishTarget === 'github'
          ? `${config.github!.owner}/${ownerRef.name}`
          : ownerRef.name,
      );
      ctx.output(
        'projectSlug',
        config.publishTarget === 'github'
          ? `${config.github!.owner}/${name}`
          : '',
      );
      ctx.output('createdOn', new Date().toISOString().slice(0, 10));
      ctx.output(
        'templateVersion',
        template?.annotations?.[TEMPLATE_VERSION_ANNOTATION] ?? '',
      );
    },
  });
}
