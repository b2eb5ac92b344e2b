import { Environment } from '@marcbachmann/cel-js';
import {
  ANNOTATION_POLICY_TITLE,
  type PolicyViolation,
} from '@paved/plugin-scorecards-common';
import type {
  LoadedAdmissionPolicy,
  ResourceRule,
  ValidatingAdmissionPolicy,
} from './admissionPolicies';

/** A compiled CEL expression: call it with the activation. */
type Program = (activation: Record<string, unknown>) => unknown;

interface CompiledPolicy {
  policy: ValidatingAdmissionPolicy;
  title: string;
  source: string;
  matchConditions: Array<{ name: string; program: Program }>;
  variables: Array<{ name: string; program: Program }>;
  validations: Array<{
    expression: string;
    program: Program;
    messageProgram?: Program;
    message?: string;
    reason?: string;
    fieldPath?: string;
  }>;
}

/** How one policy judged a set of objects. */
export interface PolicyOutcome {
  policy: string;
  title: string;
  /** Objects the policy's match constraints selected. */
  matched: number;
  violations: PolicyViolation[];
  /** Expressions that could not be evaluated (the policy's verdict on that object is unknown). */
  errors: string[];
}

export interface AdmissionEvaluationOptions {
  /** The admission operation to evaluate as; `CREATE` by default. */
  operation?: 'CREATE' | 'UPDATE';
  /** Namespace the objects would be created in, when they do not say. */
  namespace?: string;
}

/** Resource names (plural, lower case) of the kinds workloads and Crossplane commonly render. */
const KNOWN_RESOURCES: Record<string, string> = {
  Pod: 'pods',
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  DaemonSet: 'daemonsets',
  ReplicaSet: 'replicasets',
  Job: 'jobs',
  CronJob: 'cronjobs',
  Service: 'services',
  Ingress: 'ingresses',
  NetworkPolicy: 'networkpolicies',
  HorizontalPodAutoscaler: 'horizontalpodautoscalers',
  ServiceAccount: 'serviceaccounts',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
};

/** The plural resource name Kubernetes would use for a kind (its REST mapping, guessed for CRDs). */
export function resourceOfKind(kind: string): string {
  const known = KNOWN_RESOURCES[kind];
  if (known) return known;
  const lower = kind.toLocaleLowerCase('en-US');
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

function splitApiVersion(apiVersion: string): {
  group: string;
  version: string;
} {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
}

function listMatches(list: string[] | undefined, value: string): boolean {
  return list === undefined || list.includes('*') || list.includes(value);
}

function ruleMatches(
  rule: ResourceRule,
  object: {
    group: string;
    version: string;
    resource: string;
    operation: string;
  },
): boolean {
  return (
    listMatches(rule.apiGroups, object.group) &&
    listMatches(rule.apiVersions, object.version) &&
    listMatches(rule.operations, object.operation) &&
    // `pods/status` names a subresource; admission of the object itself concerns `pods` only.
    (rule.resources ?? ['*']).some(r => r === '*' || r === object.resource)
  );
}

/**
 * JSON as Kubernetes' CEL sees it: integers are `int` (BigInt here), other numbers `double`.
 * Without this `runAsUser == 0` would compare a double with an int.
 */
function toCel(value: unknown): unknown {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? BigInt(value) : value;
  }
  if (Array.isArray(value)) return value.map(toCel);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        toCel(v),
      ]),
    );
  }
  return value;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // cel-js appends a source excerpt on further lines; the first line says what went wrong.
  return text.split('\n')[0];
}

/** The object's name for messages: `Deployment/payments-api`. */
export function describeObject(object: Record<string, any>): string {
  return `${object.kind ?? '(no kind)'}/${
    object.metadata?.name ?? '(unnamed)'
  }`;
}

/**
 * Evaluates Kubernetes ValidatingAdmissionPolicies in-process, with the CEL library
 * `@marcbachmann/cel-js` (CEL's standard macros and functions, optional types, `cel.bind`, and the
 * strings extension's `join`/`split`, which Kubernetes also enables). Kubernetes' own libraries
 * (`quantity`, `url`, `ip`, `authorizer`) are not available: an expression that uses one is
 * reported as an error, never as a pass.
 *
 * Paved uses it on the manifests CI posts, and other plugins can use it on what they render
 * before committing it (e.g. provisioning's Crossplane resources).
 */
export class AdmissionPolicyEvaluator {
  private constructor(private readonly compiled: CompiledPolicy[]) {}

  /** Compiles every expression up front; throws naming the policy and expression that fails to parse. */
  static create(policies: LoadedAdmissionPolicy[]): AdmissionPolicyEvaluator {
    const env = new Environment({
      unlistedVariablesAreDyn: true,
      enableOptionalTypes: true,
      homogeneousAggregateLiterals: false,
    });
    const compile = (
      policy: string,
      field: string,
      expression: string,
    ): Program => {
      try {
        return env.parse(expression) as unknown as Program;
      } catch (error) {
        throw new Error(
          `policy ${policy}: ${field} does not compile: ${errorText(error)}`,
        );
      }
    };
    return new AdmissionPolicyEvaluator(
      policies.map(({ policy, source }) => {
        const name = policy.metadata.name;
        return {
          policy,
          source,
          title: policy.metadata.annotations?.[ANNOTATION_POLICY_TITLE] ?? name,
          matchConditions: (policy.spec.matchConditions ?? []).map((c, i) => ({
            name: c.name,
            program: compile(name, `spec.matchConditions[${i}]`, c.expression),
          })),
          variables: (policy.spec.variables ?? []).map((v, i) => ({
            name: v.name,
            program: compile(name, `spec.variables[${i}]`, v.expression),
          })),
          validations: policy.spec.validations.map((v, i) => ({
            expression: v.expression,
            program: compile(
              name,
              `spec.validations[${i}].expression`,
              v.expression,
            ),
            messageProgram: v.messageExpression
              ? compile(
                  name,
                  `spec.validations[${i}].messageExpression`,
                  v.messageExpression,
                )
              : undefined,
            message: v.message,
            reason: v.reason,
            fieldPath: v.fieldPath,
          })),
        };
      }),
    );
  }

  /** The policies it evaluates: name and title (`paved.dev/title`, else the name). */
  policies(): Array<{ name: string; title: string; source: string }> {
    return this.compiled.map(c => ({
      name: c.policy.metadata.name,
      title: c.title,
      source: c.source,
    }));
  }

  /** Every policy's verdict on every object it matches. */
  evaluate(
    objects: ReadonlyArray<Record<string, any>>,
    options: AdmissionEvaluationOptions = {},
  ): PolicyOutcome[] {
    const operation = options.operation ?? 'CREATE';
    return this.compiled.map(compiled => {
      const outcome: PolicyOutcome = {
        policy: compiled.policy.metadata.name,
        title: compiled.title,
        matched: 0,
        violations: [],
        errors: [],
      };
      for (const object of objects) {
        if (!this.matches(compiled.policy, object, operation)) continue;
        this.evaluateOne(
          compiled,
          object,
          operation,
          options.namespace,
          outcome,
        );
      }
      return outcome;
    });
  }

  private matches(
    policy: ValidatingAdmissionPolicy,
    object: Record<string, any>,
    operation: string,
  ): boolean {
    if (
      typeof object.apiVersion !== 'string' ||
      typeof object.kind !== 'string'
    ) {
      return false;
    }
    const target = {
      ...splitApiVersion(object.apiVersion),
      resource: resourceOfKind(object.kind),
      operation,
    };
    const constraints = policy.spec.matchConstraints ?? {};
    const included = (constraints.resourceRules ?? []).some(rule =>
      ruleMatches(rule, target),
    );
    const excluded = (constraints.excludeResourceRules ?? []).some(rule =>
      ruleMatches(rule, target),
    );
    const labels: Record<string, string> = object.metadata?.labels ?? {};
    const selected = Object.entries(
      constraints.objectSelector?.matchLabels ?? {},
    ).every(([key, value]) => labels[key] === value);
    return included && !excluded && selected;
  }

  private evaluateOne(
    compiled: CompiledPolicy,
    object: Record<string, any>,
    operation: string,
    namespace: string | undefined,
    outcome: PolicyOutcome,
  ): void {
    const name = describeObject(object);
    const { group, version } = splitApiVersion(object.apiVersion);
    const celObject = toCel(object);
    const variables: Record<string, unknown> = {};
    const activation: Record<string, unknown> = {
      object: celObject,
      oldObject: null,
      params: null,
      namespaceObject: null,
      variables,
      request: toCel({
        operation,
        kind: { group, version, kind: object.kind },
        resource: { group, version, resource: resourceOfKind(object.kind) },
        name: object.metadata?.name ?? '',
        namespace: object.metadata?.namespace ?? namespace ?? '',
        dryRun: true,
      }),
    };
    try {
      for (const condition of compiled.matchConditions) {
        if (condition.program(activation) !== true) return;
      }
    } catch (error) {
      outcome.errors.push(
        `${name}: match condition failed: ${errorText(error)}`,
      );
      return;
    }
    outcome.matched += 1;
    try {
      // Kubernetes evaluates variables lazily; in order is equivalent, as each may use earlier ones.
      for (const variable of compiled.variables) {
        variables[variable.name] = variable.program(activation);
      }
    } catch (error) {
      outcome.errors.push(`${name}: ${errorText(error)}`);
      return;
    }
    for (const validation of compiled.validations) {
      let passed: unknown;
      try {
        passed = validation.program(activation);
      } catch (error) {
        outcome.errors.push(`${name}: ${errorText(error)}`);
        continue;
      }
      if (passed === true) continue;
      if (passed !== false) {
        outcome.errors.push(`${name}: validation did not return a bool`);
        continue;
      }
      outcome.violations.push({
        policy: compiled.policy.metadata.name,
        object: name,
        message: this.messageOf(validation, activation),
        containers: stringList(variables.offendingContainers),
        fieldPath: validation.fieldPath,
        reason: validation.reason,
      });
    }
  }

  private messageOf(
    validation: CompiledPolicy['validations'][number],
    activation: Record<string, unknown>,
  ): string {
    // As in Kubernetes: the messageExpression if it yields a non-empty string, else the message,
    // else the failed expression itself.
    if (validation.messageProgram) {
      try {
        const message = validation.messageProgram(activation);
        if (typeof message === 'string' && message.trim())
          return message.trim();
      } catch {
        // Falls back to the static message below, as the API server does.
      }
    }
    return validation.message ?? `failed expression: ${validation.expression}`;
  }
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every(v => typeof v === 'string')
    ? (value as string[])
    : undefined;
}
