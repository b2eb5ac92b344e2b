import path from 'node:path';
import {
  loadAdmissionPolicies,
  parseAdmissionPolicies,
} from './admissionPolicies';
import {
  AdmissionPolicyEvaluator,
  resourceOfKind,
} from './AdmissionPolicyEvaluator';

/** The repository's own policies, as a cluster would install them. */
const POLICIES = path.resolve(__dirname, '../../../../policies');

/** The policy on Paved's Crossplane databases; every other one is about workloads. */
const DATABASE_POLICY = 'paved-database-deletion-protection';

/** What the golden-path chart renders (templates/_shared/skeleton/chart, default values). */
function goldenPathDeployment(): Record<string, any> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'orders', labels: { app: 'orders' } },
    spec: {
      replicas: 2,
      template: {
        spec: {
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 65532,
            runAsGroup: 65532,
          },
          containers: [
            {
              name: 'orders',
              image: 'orders:latest',
              resources: {
                requests: { cpu: '50m', memory: '64Mi' },
                limits: { cpu: '500m', memory: '256Mi' },
              },
              securityContext: {
                runAsNonRoot: true,
                readOnlyRootFilesystem: true,
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
              },
            },
          ],
        },
      },
    },
  };
}

describe('AdmissionPolicyEvaluator on policies/', () => {
  let evaluator: AdmissionPolicyEvaluator;

  beforeAll(async () => {
    evaluator = AdmissionPolicyEvaluator.create(
      await loadAdmissionPolicies(POLICIES),
    );
  });

  it('loads the six policies the platform enforces', () => {
    expect(
      evaluator
        .policies()
        .map(p => p.name)
        .sort(),
    ).toEqual([
      'paved-database-deletion-protection',
      'paved-no-privilege-escalation',
      'paved-no-root',
      'paved-read-only-root-filesystem',
      'paved-require-cpu-limit',
      'paved-require-memory-limit',
    ]);
  });

  it('finds nothing wrong with what the golden-path chart renders', () => {
    const outcomes = evaluator.evaluate([
      goldenPathDeployment(),
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'orders' },
        spec: {},
      },
    ]);
    for (const outcome of outcomes.filter(o => o.policy !== DATABASE_POLICY)) {
      expect(outcome).toMatchObject({ matched: 1, violations: [], errors: [] });
    }
  });

  it("names the container without a memory or CPU limit, in the policy's own words", () => {
    const deployment = goldenPathDeployment();
    deployment.spec.template.spec.containers.push({
      name: 'log-shipper',
      image: 'fluent-bit',
      resources: { limits: { cpu: '100m' } },
      securityContext: {
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      },
    });
    const byPolicy = Object.fromEntries(
      evaluator.evaluate([deployment]).map(o => [o.policy, o]),
    );
    expect(byPolicy['paved-require-memory-limit'].violations).toEqual([
      {
        policy: 'paved-require-memory-limit',
        object: 'Deployment/orders',
        message:
          'container log-shipper must set resources.limits.memory (the golden-path chart sets it in values.yaml: resources.limits.memory)',
        containers: ['log-shipper'],
        reason: 'Invalid',
        fieldPath: undefined,
      },
    ]);
    expect(byPolicy['paved-require-cpu-limit'].violations).toEqual([]);
  });

  it('catches root, a writable root filesystem and privilege escalation, per container', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'debug' },
      spec: {
        initContainers: [
          {
            name: 'migrate',
            resources: { limits: { cpu: '1', memory: '1Gi' } },
            securityContext: { runAsUser: 0 },
          },
        ],
        containers: [
          {
            name: 'app',
            resources: { limits: { cpu: '1', memory: '1Gi' } },
            securityContext: {
              runAsNonRoot: true,
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
            },
          },
        ],
      },
    };
    const byPolicy = Object.fromEntries(
      evaluator.evaluate([pod]).map(o => [o.policy, o]),
    );
    expect(byPolicy['paved-no-root'].violations[0]).toMatchObject({
      object: 'Pod/debug',
      containers: ['migrate'],
      message: expect.stringMatching(/^container migrate may run as root/),
    });
    expect(
      byPolicy['paved-read-only-root-filesystem'].violations[0].containers,
    ).toEqual(['migrate']);
    expect(
      byPolicy['paved-no-privilege-escalation'].violations[0].containers,
    ).toEqual(['migrate']);
    expect(byPolicy['paved-require-memory-limit'].violations).toEqual([]);
  });

  it('takes runAsNonRoot from the pod, and still refuses runAsUser 0 on a container', () => {
    const deployment = goldenPathDeployment();
    const container = deployment.spec.template.spec.containers[0];
    delete container.securityContext.runAsNonRoot;
    expect(
      evaluator.evaluate([deployment]).find(o => o.policy === 'paved-no-root')!
        .violations,
    ).toEqual([]);
    container.securityContext.runAsUser = 0;
    expect(
      evaluator.evaluate([deployment]).find(o => o.policy === 'paved-no-root')!
        .violations[0].containers,
    ).toEqual(['orders']);
  });

  it('reaches the pod template of a CronJob', () => {
    const cronJob = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly' },
      spec: {
        jobTemplate: {
          spec: { template: { spec: { containers: [{ name: 'report' }] } } },
        },
      },
    };
    const outcomes = evaluator
      .evaluate([cronJob])
      .filter(o => o.policy !== DATABASE_POLICY);
    expect(outcomes.every(o => o.matched === 1)).toBe(true);
    expect(outcomes.flatMap(o => o.violations.map(v => v.containers))).toEqual(
      Array(5).fill(['report']),
    );
  });

  it('holds production PostgreSQL instances to deletion protection, naming the field', () => {
    const instance = (environment: string, deletionProtection?: boolean) => ({
      apiVersion: 'database.paved.dev/v1alpha1',
      kind: 'PostgreSQLInstance',
      metadata: { name: `orders-db-${environment}`, namespace: 'payments' },
      spec: {
        environment,
        ...(deletionProtection !== undefined && { deletionProtection }),
      },
    });
    const outcome = (object: Record<string, any>) =>
      evaluator.evaluate([object]).find(o => o.policy === DATABASE_POLICY)!;

    expect(outcome(instance('production', true))).toMatchObject({
      matched: 1,
      violations: [],
      errors: [],
    });
    expect(outcome(instance('development'))).toMatchObject({
      matched: 1,
      violations: [],
    });
    expect(outcome(instance('production', false)).violations).toEqual([
      {
        policy: DATABASE_POLICY,
        object: 'PostgreSQLInstance/orders-db-production',
        message:
          'PostgreSQLInstance orders-db-production runs in production and must set spec.deletionProtection: true (Paved sets it for every production request)',
        fieldPath: 'spec.deletionProtection',
        reason: 'Invalid',
      },
    ]);
    // Workload policies leave databases alone, and this one leaves workloads alone.
    expect(
      evaluator
        .evaluate([instance('production', false)])
        .filter(o => o.policy !== DATABASE_POLICY)
        .every(o => o.matched === 0),
    ).toBe(true);
    expect(outcome(goldenPathDeployment()).matched).toBe(0);
  });

  it('reports a manifest it cannot evaluate as an error, not as a pass', () => {
    const broken = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
    };
    const outcome = evaluator.evaluate([broken])[0];
    expect(outcome.violations).toEqual([]);
    expect(outcome.errors[0]).toMatch(/^Deployment\/x: /);
  });
});

describe('parseAdmissionPolicies', () => {
  it('refuses a policy without validations, naming the file', () => {
    expect(() =>
      parseAdmissionPolicies(
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata: { name: x }\nspec: {}\n',
        'broken.yaml',
      ),
    ).toThrow(
      'broken.yaml, document 1: spec.validations must list at least one validation',
    );
  });

  it('refuses an expression that does not compile', () => {
    const policies = parseAdmissionPolicies(
      [
        'apiVersion: admissionregistration.k8s.io/v1',
        'kind: ValidatingAdmissionPolicy',
        'metadata: { name: bad }',
        'spec:',
        '  validations:',
        '    - expression: "object.spec.containers.all(c, "',
      ].join('\n'),
      'bad.yaml',
    );
    expect(() => AdmissionPolicyEvaluator.create(policies)).toThrow(
      /^policy bad: spec.validations\[0\].expression does not compile/,
    );
  });

  it('uses Kubernetes resource names for kinds', () => {
    expect(resourceOfKind('NetworkPolicy')).toBe('networkpolicies');
    expect(resourceOfKind('XPostgreSQLInstance')).toBe('xpostgresqlinstances');
    expect(resourceOfKind('Gateway')).toBe('gateways');
  });
});
