import fs from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A rule of `matchConstraints.resourceRules`, as in admissionregistration.k8s.io/v1. */
export interface ResourceRule {
  apiGroups?: string[];
  apiVersions?: string[];
  operations?: string[];
  resources?: string[];
}

/** The parts of a Kubernetes ValidatingAdmissionPolicy that Paved evaluates. */
export interface ValidatingAdmissionPolicy {
  apiVersion: string;
  kind: 'ValidatingAdmissionPolicy';
  metadata: { name: string; annotations?: Record<string, string> };
  spec: {
    failurePolicy?: 'Fail' | 'Ignore';
    matchConstraints?: {
      resourceRules?: ResourceRule[];
      excludeResourceRules?: ResourceRule[];
      objectSelector?: { matchLabels?: Record<string, string> };
    };
    matchConditions?: Array<{ name: string; expression: string }>;
    variables?: Array<{ name: string; expression: string }>;
    validations: Array<{
      expression: string;
      message?: string;
      messageExpression?: string;
      reason?: string;
      fieldPath?: string;
    }>;
  };
}

/** A policy and the file it came from, for messages that say where to look. */
export interface LoadedAdmissionPolicy {
  policy: ValidatingAdmissionPolicy;
  source: string;
}

function problem(source: string, index: number, text: string): Error {
  return new Error(`${source}, document ${index + 1}: ${text}`);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(v => typeof v === 'string');
}

function checkExpressions(
  list: unknown,
  field: string,
  fail: (text: string) => Error,
): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) throw fail(`${field} must be a list`);
  list.forEach((item, i) => {
    if (!item || typeof item !== 'object') {
      throw fail(`${field}[${i}] must be an object`);
    }
    const entry = item as Record<string, unknown>;
    if (typeof entry.expression !== 'string' || !entry.expression.trim()) {
      throw fail(`${field}[${i}].expression must be a CEL expression`);
    }
    if (field !== 'spec.validations' && typeof entry.name !== 'string') {
      throw fail(`${field}[${i}].name must be a string`);
    }
  });
}

/**
 * The ValidatingAdmissionPolicies of one YAML text (bindings and other documents are skipped, as
 * the same files are meant for `kubectl apply`). Throws, naming the file and field, when a policy
 * is malformed: a policy that silently checks nothing is worse than none.
 */
export function parseAdmissionPolicies(
  text: string,
  source: string,
): LoadedAdmissionPolicy[] {
  const documents = parseAllDocuments(text);
  const policies: LoadedAdmissionPolicy[] = [];
  documents.forEach((document, index) => {
    if (document.errors.length > 0) {
      throw problem(source, index, document.errors[0].message);
    }
    const value = document.toJS() as Record<string, any> | null;
    if (!value || value.kind !== 'ValidatingAdmissionPolicy') return;
    const fail = (what: string) => problem(source, index, what);
    if (typeof value.metadata?.name !== 'string') {
      throw fail('metadata.name must be a string');
    }
    const spec = value.spec;
    if (
      !spec ||
      !Array.isArray(spec.validations) ||
      spec.validations.length === 0
    ) {
      throw fail('spec.validations must list at least one validation');
    }
    checkExpressions(spec.validations, 'spec.validations', fail);
    checkExpressions(spec.variables, 'spec.variables', fail);
    checkExpressions(spec.matchConditions, 'spec.matchConditions', fail);
    for (const key of ['resourceRules', 'excludeResourceRules']) {
      const rules = spec.matchConstraints?.[key];
      if (rules === undefined) continue;
      if (!Array.isArray(rules))
        throw fail(`spec.matchConstraints.${key} must be a list`);
      rules.forEach((rule: Record<string, unknown>, i: number) => {
        for (const field of [
          'apiGroups',
          'apiVersions',
          'operations',
          'resources',
        ]) {
          if (rule[field] !== undefined && !isStringList(rule[field])) {
            throw fail(
              `spec.matchConstraints.${key}[${i}].${field} must be a list of strings`,
            );
          }
        }
      });
    }
    policies.push({ policy: value as ValidatingAdmissionPolicy, source });
  });
  return policies;
}

/** Every ValidatingAdmissionPolicy in the `.yaml`/`.yml` files of a directory, by file name. */
export async function loadAdmissionPolicies(
  directory: string,
): Promise<LoadedAdmissionPolicy[]> {
  const names = (await fs.readdir(directory))
    .filter(name => /\.ya?ml$/.test(name))
    .sort();
  const loaded: LoadedAdmissionPolicy[] = [];
  for (const name of names) {
    const file = path.join(directory, name);
    loaded.push(
      ...parseAdmissionPolicies(await fs.readFile(file, 'utf8'), file),
    );
  }
  const seen = new Set<string>();
  for (const { policy, source } of loaded) {
    if (seen.has(policy.metadata.name)) {
      throw new Error(
        `${source}: a second policy named ${policy.metadata.name}`,
      );
    }
    seen.add(policy.metadata.name);
  }
  return loaded;
}
