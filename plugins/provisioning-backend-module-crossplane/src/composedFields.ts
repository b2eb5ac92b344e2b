import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

type JsonSchema = Record<string, any>;

/** The OpenAPI schemas of some kinds, by `<group>/<version>` and kind. */
export class KindSchemas {
  private readonly schemas = new Map<string, JsonSchema>();

  /**
   * Reads every CustomResourceDefinition (`apiextensions.k8s.io`) and CompositeResourceDefinition
   * (`apiextensions.crossplane.io`) in the YAML files of a folder, recursively.
   */
  static async fromDirectory(directory: string): Promise<KindSchemas> {
    return new KindSchemas().addDirectory(directory);
  }

  /** Adds the definitions in a folder's YAML files, as {@link KindSchemas.fromDirectory} reads them. */
  async addDirectory(directory: string): Promise<this> {
    for (const file of await yamlFiles(directory)) {
      this.addDocuments(await fs.readFile(file, 'utf8'));
    }
    return this;
  }

  /** Adds the definitions in a YAML text (one or more documents); other documents are ignored. */
  addDocuments(text: string): this {
    for (const document of parseAllDocuments(text)) {
      const definition = document.toJS();
      const kind = definition?.spec?.names?.kind;
      const group = definition?.spec?.group;
      if (
        !kind ||
        !group ||
        !/^(CustomResourceDefinition|CompositeResourceDefinition)$/.test(
          definition.kind,
        )
      ) {
        continue;
      }
      for (const version of definition.spec.versions ?? []) {
        const schema = version.schema?.openAPIV3Schema;
        if (schema) {
          this.schemas.set(key(`${group}/${version.name}`, kind), schema);
        }
      }
    }
    return this;
  }

  get(apiVersion: string, kind: string): JsonSchema | undefined {
    return this.schemas.get(key(apiVersion, kind));
  }

  get size(): number {
    return this.schemas.size;
  }
}

export interface ComposedFieldProblem {
  /** The composition's name and the composed resource's name in it. */
  composition: string;
  resource: string;
  /** Which side the field is on: the composed resource, or the composite (XR) it is patched from. */
  side: 'composed' | 'composite';
  apiVersion: string;
  kind: string;
  /** A Crossplane field path, e.g. `spec.forProvider.tags[paved.dev/owner]`. */
  field: string;
  /** Why: the schema does not declare the field, or there is no schema for the kind at all. */
  problem: 'undeclared' | 'no-schema';
}

/**
 * Fields Crossplane adds to every composite resource itself, so a composite's own definition
 * does not declare them (v2 under `spec.crossplane`, v1 beside the spec's own fields).
 */
const CROSSPLANE_COMPOSITE_FIELDS = [
  'spec.crossplane',
  'spec.compositionRef',
  'spec.compositionSelector',
  'spec.compositionRevisionRef',
  'spec.claimRef',
  'spec.resourceRefs',
  'spec.writeConnectionSecretToRef',
  'status.conditions',
  'status.connectionDetails',
];

/**
 * Every field a Composition sets on its composed resources (in a resource's `base`, or through a
 * patch) and every field its patches read, looked up in the schemas of the composed kinds and of
 * the composite. The API server drops fields a schema does not declare, and a patch from a field
 * that does not exist is skipped without a word, so either is a setting that silently does
 * nothing: reported here. `metadata` is the same for every kind and is not checked.
 *
 * Compositions in Pipeline mode with function-patch-and-transform's `Resources` input are read;
 * other functions' inputs are not understood and are passed over.
 */
export function composedFieldProblems(
  composition: JsonSchema,
  schemas: KindSchemas,
): ComposedFieldProblem[] {
  const problems: ComposedFieldProblem[] = [];
  const compositionName = composition.metadata?.name ?? '(unnamed)';
  const compositeRef = composition.spec?.compositeTypeRef ?? {};
  const compositeSchema = schemas.get(
    compositeRef.apiVersion,
    compositeRef.kind,
  );

  for (const step of composition.spec?.pipeline ?? []) {
    if (step.input?.kind !== 'Resources') continue;
    for (const resource of step.input.resources ?? []) {
      const { apiVersion, kind } = resource.base ?? {};
      const report = (
        side: ComposedFieldProblem['side'],
        field: string,
        problem: ComposedFieldProblem['problem'],
      ) =>
        problems.push({
          composition: compositionName,
          resource: resource.name,
          side,
          apiVersion:
            side === 'composed' ? apiVersion : compositeRef.apiVersion,
          kind: side === 'composed' ? kind : compositeRef.kind,
          field,
          problem,
        });
      const composedSchema = schemas.get(apiVersion, kind);
      if (!composedSchema) {
        report('composed', '', 'no-schema');
      } else {
        for (const field of objectFields(resource.base.spec, ['spec'])) {
          if (!declares(composedSchema, field)) {
            report('composed', joinPath(field), 'undeclared');
          }
        }
      }
      for (const patch of resource.patches ?? []) {
        for (const { side, field } of patchFields(patch)) {
          const schema = side === 'composed' ? composedSchema : compositeSchema;
          if (!schema) {
            if (side === 'composite') report(side, field, 'no-schema');
            continue;
          }
          const segments = parseFieldPath(field);
          if (segments[0] === 'metadata') continue;
          if (side === 'composite' && isCrossplaneCompositeField(field)) {
            continue;
          }
          if (!declares(schema, segments)) report(side, field, 'undeclared');
        }
      }
    }
  }
  return problems;
}

/** The fields a patch writes to or reads from, with the side each one is on. */
type Side = ComposedFieldProblem['side'];

function patchFields(patch: JsonSchema): { side: Side; field: string }[] {
  const fromComposite = [
    { side: 'composite' as const, field: patch.fromFieldPath },
    { side: 'composed' as const, field: patch.toFieldPath },
  ];
  const toComposite = [
    { side: 'composed' as const, field: patch.fromFieldPath },
    { side: 'composite' as const, field: patch.toFieldPath },
  ];
  const combined = (from: Side, to: Side) => [
    ...(patch.combine?.variables ?? []).map((v: JsonSchema) => ({
      side: from,
      field: v.fromFieldPath,
    })),
    { side: to, field: patch.toFieldPath },
  ];
  const byType: Record<string, { side: Side; field: string }[]> = {
    FromCompositeFieldPath: fromComposite,
    ToCompositeFieldPath: toComposite,
    CombineFromComposite: combined('composite', 'composed'),
    CombineToComposite: combined('composed', 'composite'),
  };
  // A patch without a type is a FromCompositeFieldPath; other types (PatchSet) name no field.
  const fields = byType[patch.type ?? 'FromCompositeFieldPath'] ?? [];
  return fields.filter(f => typeof f.field === 'string' && f.field !== '');
}

type Segment = string | number;

/**
 * Splits a Crossplane field path: `a.b[key.with.dots].c[0]` → `a`, `b`, `key.with.dots`, `c`, 0.
 */
export function parseFieldPath(field: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const match of field.matchAll(pattern)) {
    if (match[1] !== undefined) {
      segments.push(match[1]);
    } else {
      segments.push(/^\d+$/.test(match[2]) ? Number(match[2]) : match[2]);
    }
  }
  return segments;
}

/** Whether a schema declares the field: a property, a map entry, an array item. */
function declares(schema: JsonSchema, segments: Segment[]): boolean {
  let current: JsonSchema | undefined = schema;
  for (const segment of segments) {
    if (!current) return false;
    if (current['x-kubernetes-preserve-unknown-fields']) return true;
    if (typeof segment === 'number') {
      current = current.items;
    } else if (current.properties && segment in current.properties) {
      current = current.properties[segment];
    } else if (
      current.additionalProperties &&
      typeof current.additionalProperties === 'object'
    ) {
      current = current.additionalProperties;
    } else {
      return false;
    }
  }
  return current !== undefined;
}

/** Every leaf (and empty object) in a value, as path segments under `prefix`. */
function objectFields(value: unknown, prefix: Segment[]): Segment[][] {
  if (Array.isArray(value)) {
    return value.length === 0
      ? [prefix]
      : value.flatMap((item, i) => objectFields(item, [...prefix, i]));
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    return entries.length === 0
      ? [prefix]
      : entries.flatMap(([name, child]) =>
          objectFields(child, [...prefix, name]),
        );
  }
  return [prefix];
}

function joinPath(segments: Segment[]): string {
  return segments
    .map((segment, i) =>
      typeof segment === 'number' || /[.[\]/]/.test(segment)
        ? `[${segment}]`
        : `${i === 0 ? '' : '.'}${segment}`,
    )
    .join('');
}

function isCrossplaneCompositeField(field: string): boolean {
  return CROSSPLANE_COMPOSITE_FIELDS.some(
    prefix => field === prefix || field.startsWith(`${prefix}.`),
  );
}

function key(apiVersion: string, kind: string): string {
  return `${apiVersion}|${kind}`;
}

async function yamlFiles(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async entry => {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) return yamlFiles(full);
      return /\.ya?ml$/.test(entry.name) ? [full] : [];
    }),
  );
  return files.flat().sort();
}
