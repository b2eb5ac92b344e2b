import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { Violation, violationsError } from '@paved/backend-platform';
import {
  ANNOTATION_CREATED_AT,
  ANNOTATION_TEMPLATE_VERSION,
  SERVICE_NAME_PATTERN,
} from '@paved/plugin-golden-paths-common';
import {
  GoldenPathSettings,
  NAMESPACE_PATTERN,
  ServiceNameCheck,
  TeamMembership,
} from '@paved/plugin-golden-paths-node';
import { repoContentsUrl } from '@paved/plugin-githost-node';
import yaml from 'yaml';

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
            description: 'Takes card payments for the storefront',
          },
        },
      ],
    }),
  },
];

/**
 * Line breaks (Unicode's too) and other control characters. A description is one line, so it can
 * never open a new line of code, YAML or a commit message in what a template renders.
 */
// eslint-disable-next-line no-control-regex
export const NOT_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function parseRef(
  field: string,
  value: string,
  kind: string,
  violations: Violation[],
): CompoundEntityRef | undefined {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, {
      defaultKind: kind,
      defaultNamespace: 'default',
    });
  } catch {
    violations.push({
      field,
      problem: `'${value}' is not an entity reference`,
      rule: 'entity-ref',
    });
    return undefined;
  }
  if (ref.kind.toLocaleLowerCase('en-US') !== kind) {
    violations.push({
      field,
      problem: `'${value}' must refer to a ${kind}, not a ${ref.kind}`,
      rule: 'entity-kind',
    });
    return undefined;
  }
  return ref;
}

/**
 * `paved:service:validate`: the server-side twin of the golden-path form. Before anything is
 * published it refuses a name that breaks the pattern or is taken (the same check as
 * `GET /api/golden-paths/service-names/:name`), a description that is not one line, an unknown
 * owner or system, and an owner team the user does not belong to (the platform team aside). It
 * also resolves what later steps need from configuration and the template itself (publish target,
 * lineage, creation time), so templates do not change when the publish target does.
 */
export function createValidateServiceAction(options: {
  catalog: CatalogService;
  serviceNames: ServiceNameCheck;
  membership: TeamMembership;
  settings: GoldenPathSettings;
}) {
  const { catalog, serviceNames, membership, settings } = options;
  return createTemplateAction({
    id: 'paved:service:validate',
    description:
      'Checks a new service name, description, owner and system against the catalog and the git host, and resolves the publish target and template lineage',
    examples: validateServiceExamples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z.string({
            description: `Name of the new component and repository, matching ${SERVICE_NAME_PATTERN.source}`,
          }),
        owner: z =>
          z.string({
            description:
              'Owning group, as an entity ref; the user must be a member (or in the platform team)',
          }),
        system: z =>
          z
            .string({ description: 'System the component belongs to' })
            .optional(),
        description: z =>
          z
            .string({ description: 'What the service does, in one line' })
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
            description: `The template's ${ANNOTATION_TEMPLATE_VERSION}`,
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
        createdAt: z =>
          z.string({
            description: `Now, RFC 3339 in UTC: the ${ANNOTATION_CREATED_AT} the template writes`,
          }),
        createdOn: z => z.string({ description: 'Today, as YYYY-MM-DD (UTC)' }),
      },
    },
    async handler(ctx) {
      const { name, namespace, description } = ctx.input;

      // Every broken rule of the input at once, before the catalog is asked anything.
      const violations: Violation[] = [];
      const nameViolation = ServiceNameCheck.patternViolation(name);
      if (nameViolation) violations.push(nameViolation);
      if (!NAMESPACE_PATTERN.test(namespace)) {
        violations.push({
          field: 'namespace',
          problem: `'${namespace}' is not a catalog namespace`,
          rule: 'pattern',
        });
      }
      if (description !== undefined && NOT_ONE_LINE.test(description)) {
        violations.push({
          field: 'description',
          problem:
            'must be one line, without line breaks or control characters',
          rule: 'one-line',
        });
      }
      const ownerRef = parseRef('owner', ctx.input.owner, 'group', violations);
      const systemRef = ctx.input.system
        ? parseRef('system', ctx.input.system, 'system', violations)
        : undefined;
      if (violations.length > 0 || !ownerRef) {
        throw violationsError(violations);
      }

      const credentials = await ctx.getInitiatorCredentials();
      const owner = stringifyEntityRef(ownerRef);
      if (!(await catalog.getEntityByRef(owner, { credentials }))) {
        violations.push({
          field: 'owner',
          problem: `${owner} does not exist in the catalog`,
          rule: 'exists',
        });
      }
      const system = systemRef ? stringifyEntityRef(systemRef) : '';
      if (system && !(await catalog.getEntityByRef(system, { credentials }))) {
        violations.push({
          field: 'system',
          problem: `${system} does not exist in the catalog`,
          rule: 'exists',
        });
      }
      if (violations.length > 0) {
        throw violationsError(violations);
      }

      // A developer creates services for their own team; the platform team for any team.
      await membership.assertMayActFor({
        userRef: ctx.user?.ref,
        ownerRefs: [owner],
        credentials,
        field: 'owner',
        what: `create a component owned by ${owner}`,
      });

      // A retried or recovered task finds what its own first attempt published and registered;
      // that is not a conflict.
      const answer = await serviceNames.check({
        name,
        namespace,
        credentials,
        ownRepositoryOfTask: ctx.task.id,
      });
      if (!answer.available) {
        throw new InputError(answer.problem);
      }

      let repoUrl = '';
      let sourceLocation: string;
      if (settings.publishTarget === 'local') {
        sourceLocation = `${repoContentsUrl(
          settings.backendBaseUrl,
          name,
          'main',
        )}/`;
      } else {
        const remote = settings[settings.publishTarget]!;
        repoUrl = `${remote.host}?owner=${encodeURIComponent(
          remote.owner,
        )}&repo=${encodeURIComponent(name)}`;
        const treePath =
          settings.publishTarget === 'gitlab' ? '/-/tree/main/' : '/tree/main/';
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
      const now = new Date().toISOString();

      ctx.output('publishTarget', settings.publishTarget);
      ctx.output('repoUrl', repoUrl);
      ctx.output('sourceLocation', sourceLocation);
      ctx.output('owner', owner);
      ctx.output('system', system);
      ctx.output('templateRef', templateRef);
      ctx.output(
        'codeOwner',
        settings.publishTarget === 'github'
          ? `${settings.github!.owner}/${ownerRef.name}`
          : ownerRef.name,
      );
      ctx.output(
        'projectSlug',
        settings.publishTarget === 'github'
          ? `${settings.github!.owner}/${name}`
          : '',
      );
      ctx.output('createdAt', now);
      ctx.output('createdOn', now.slice(0, 10));
      ctx.output(
        'templateVersion',
        template?.annotations?.[ANNOTATION_TEMPLATE_VERSION] ?? '',
      );
    },
  });
}
