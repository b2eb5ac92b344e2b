import { promises as fs } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { PostgreSQLInstanceManifest } from './manifest';

type JsonSchema = Record<string, any>;

/**
 * Kubernetes' structural-schema extensions. The API server interprets them; for validation here
 * they are declared so ajv's strict mode accepts the schema, and `preserve-unknown-fields` also
 * switches off the unknown-field check below, as it switches off pruning in the API server.
 */
const KUBERNETES_KEYWORDS = [
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-validations',
  'x-kubernetes-int-or-string',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
];

/**
 * Fields Crossplane adds to every XR or claim schema itself, so they are absent from the XRD.
 * Only the ones Paved may render are listed.
 */
const CROSSPLANE_INJECTED_SPEC: Record<'composite' | 'claim', JsonSchema> = {
  composite: {
    crossplane: {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    },
  },
  claim: {
    writeConnectionSecretToRef: {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', maxLength: 253 } },
      additionalProperties: false,
    },
    compositionRef: {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    },
    compositionSelector: {
      type: 'object',
      'x-kubernetes-preserve-unknown-fields': true,
    },
  },
};

/**
 * The API server silently drops fields a structural schema does not declare. A dropped field is
 * a request the platform did not carry out, so here an undeclared field is an error instead:
 * every object schema with `properties` gets `additionalProperties: false` unless it preserves
 * unknown fields or already says what extra properties may hold.
 */
function rejectUnknownFields(schema: JsonSchema, isRoot = true): JsonSchema {
  const copy: JsonSchema = { ...schema };
  if (copy.properties) {
    copy.properties = Object.fromEntries(
      Object.entries(copy.properties as Record<string, JsonSchema>).map(
        ([key, value]) => [key, rejectUnknownFields(value, false)],
      ),
    );
    if (
      !isRoot &&
      copy.additionalProperties === undefined &&
      copy['x-kubernetes-preserve-unknown-fields'] !== true
    ) {
      copy.additionalProperties = false;
    }
  }
  if (copy.items && typeof copy.items === 'object') {
    copy.items = rejectUnknownFields(copy.items, false);
  }
  if (
    copy.additionalProperties &&
    typeof copy.additionalProperties === 'object'
  ) {
    copy.additionalProperties = rejectUnknownFields(
      copy.additionalProperties,
      false,
    );
  }
  return copy;
}

export interface XrdDefinition {
  group: string;
  kind: string;
  claimKind?: string;
  versions: string[];
}

/**
 * Validates rendered PostgreSQLInstance manifests against the openAPIV3Schema of the XRD that
 * ships in infrastructure/crossplane, i.e. against what the cluster will enforce.
 */
export class XrdSchemaValidator {
  private constructor(
    readonly definition: XrdDefinition,
    private readonly mode: 'composite' | 'claim',
    private readonly validateFn: ValidateFunction,
  ) {}

  static async fromFile(
    xrdPath: string,
    mode: 'composite' | 'claim',
  ): Promise<XrdSchemaValidator> {
    const xrd = parseYaml(await fs.readFile(xrdPath, 'utf8'));
    return XrdSchemaValidator.fromDefinition(xrd, mode);
  }

  static fromDefinition(
    xrd: any,
    mode: 'composite' | 'claim',
  ): XrdSchemaValidator {
    if (xrd?.kind !== 'CompositeResourceDefinition') {
      throw new Error('Not a CompositeResourceDefinition');
    }
    if (mode === 'claim' && !xrd.spec?.claimNames?.kind) {
      throw new Error(
        'The XRD offers no claim (spec.claimNames), so mode "claim" cannot be used',
      );
    }
    const version =
      xrd.spec.versions.find((v: any) => v.referenceable) ??
      xrd.spec.versions[0];
    const openApi: JsonSchema | undefined = version?.schema?.openAPIV3Schema;
    if (!openApi) {
      throw new Error(
        `XRD ${xrd.metadata?.name} version ${version?.name} has no openAPIV3Schema`,
      );
    }

    const schema = rejectUnknownFields(openApi);
    schema.properties = {
      ...schema.properties,
      apiVersion: { const: `${xrd.spec.group}/${version.name}` },
      kind: {
        const:
          mode === 'claim' ? xrd.spec.claimNames.kind : xrd.spec.names.kind,
      },
      metadata: {
        type: 'object',
        required: ['name', 'namespace'],
        properties: {
          name: {
            type: 'string',
            maxLength: 63,
            pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
          },
          namespace: {
            type: 'string',
            maxLength: 63,
            pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$',
          },
          labels: {
            type: 'object',
            additionalProperties: {
              type: 'string',
              maxLength: 63,
              pattern: '^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$',
            },
          },
          annotations: {
            type: 'object',
            additionalProperties: { type: 'string' },
          },
        },
      },
    };
    schema.required = [
      ...new Set([
        ...(schema.required ?? []),
        'apiVersion',
        'kind',
        'metadata',
        'spec',
      ]),
    ];
    schema.properties.spec = {
      ...schema.properties.spec,
      properties: {
        ...schema.properties.spec?.properties,
        ...CROSSPLANE_INJECTED_SPEC[mode],
      },
    };

    const ajv = new Ajv({
      allErrors: true,
      strict: true,
      strictRequired: false,
    });
    for (const keyword of KUBERNETES_KEYWORDS) {
      ajv.addKeyword({ keyword });
    }
    return new XrdSchemaValidator(
      {
        group: xrd.spec.group,
        kind: xrd.spec.names.kind,
        claimKind: xrd.spec.claimNames?.kind,
        versions: xrd.spec.versions.map((v: any) => v.name),
      },
      mode,
      ajv.compile(schema),
    );
  }

  get renderMode(): 'composite' | 'claim' {
    return this.mode;
  }

  /** The schema violations of a manifest, as `path: message` lines; empty when valid. */
  validate(
    manifest: PostgreSQLInstanceManifest | Record<string, unknown>,
  ): string[] {
    if (this.validateFn(manifest)) {
      return [];
    }
    return (this.validateFn.errors ?? []).map(error => {
      const where = error.instancePath || '/';
      const extra =
        error.keyword === 'additionalProperties'
          ? ` (${
              (error.params as { additionalProperty: string })
                .additionalProperty
            })`
          : '';
      const allowed =
        error.keyword === 'enum'
          ? `: ${(
              error.params as { allowedValues: unknown[] }
            ).allowedValues.join(', ')}`
          : '';
      return `${where} ${error.message}${extra}${allowed}`;
    });
  }
}
