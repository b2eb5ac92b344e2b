import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  composedFieldProblems,
  KindSchemas,
  parseFieldPath,
} from './composedFields';

const infrastructure = path.resolve(
  __dirname,
  '../../../infrastructure/crossplane',
);

const readComposition = async (file: string) =>
  parseYaml(await fs.readFile(path.join(infrastructure, file), 'utf8'));

/*
 * A cut-down RDS Snapshot definition written for this test (the real one ships with
 * provider-upjet-aws): the fields Paved's snapshot Composition uses, as that CRD declares them.
 */
const SNAPSHOT_CRD = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: snapshots.rds.aws.m.upbound.io }
spec:
  group: rds.aws.m.upbound.io
  names: { kind: Snapshot, plural: snapshots }
  versions:
    - name: v1beta1
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                providerConfigRef:
                  type: object
                  properties: { kind: { type: string }, name: { type: string } }
                forProvider:
                  type: object
                  properties:
                    region: { type: string }
                    dbInstanceIdentifierSelector:
                      type: object
                      properties:
                        matchLabels: { type: object, additionalProperties: { type: string } }
                    tags: { type: object, additionalProperties: { type: string } }
            status:
              type: object
              properties:
                atProvider:
                  type: object
                  properties:
                    allocatedStorage: { type: number }
                    dbSnapshotArn: { type: string }
                    status: { type: string }
`;

describe('composedFieldProblems', () => {
  it('finds every field of the snapshot Composition in the RDS Snapshot and PostgreSQLSnapshot schemas', async () => {
    const schemas = (
      await KindSchemas.fromDirectory(path.join(infrastructure, 'snapshot'))
    ).addDocuments(SNAPSHOT_CRD);
    const composition = await readComposition('snapshot/composition.yaml');
    expect(composedFieldProblems(composition, schemas)).toEqual([]);
  });

  it('reports a misspelt field in a base, a patch to an undeclared field and one from a missing status field', async () => {
    const schemas = (
      await KindSchemas.fromDirectory(path.join(infrastructure, 'snapshot'))
    ).addDocuments(SNAPSHOT_CRD);
    const composition = await readComposition('snapshot/composition.yaml');
    const snapshot = composition.spec.pipeline[0].input.resources[0];
    snapshot.base.spec.forProvider.regoin = 'eu-west-1';
    snapshot.patches.push(
      {
        type: 'ToCompositeFieldPath',
        fromFieldPath: 'status.atProvider.snapshotCreateTime',
        toFieldPath: 'status.snapshotCreateTime',
      },
      {
        type: 'FromCompositeFieldPath',
        fromFieldPath: 'spec.owner',
        toFieldPath: 'spec.forProvider.owner',
      },
    );
    expect(
      composedFieldProblems(composition, schemas).map(
        p => `${p.side} ${p.kind} ${p.field} ${p.problem}`,
      ),
    ).toEqual([
      'composed Snapshot spec.forProvider.regoin undeclared',
      'composed Snapshot status.atProvider.snapshotCreateTime undeclared',
      // The XRD keeps unknown status fields, so the composite side of that patch is accepted.
      'composed Snapshot spec.forProvider.owner undeclared',
    ]);
  });

  it.each([
    'composition.yaml',
    'redis/composition.yaml',
    'legacy/composition.yaml',
    'snapshot/composition.yaml',
  ])(
    '%s reads and writes only fields its composite definition declares',
    async file => {
      // The provider's CRDs are not here, so only the composite side is checked in CI; the
      // composed side is checked against a provider release with dev/check-composed-fields.ts.
      const schemas = await KindSchemas.fromDirectory(infrastructure);
      const problems = composedFieldProblems(
        await readComposition(file),
        schemas,
      );
      expect(problems.filter(p => p.side === 'composite')).toEqual([]);
      expect(problems.every(p => p.problem === 'no-schema')).toBe(true);
    },
  );

  it('reports a patch from a composite field the definition does not declare', async () => {
    const schemas = await KindSchemas.fromDirectory(infrastructure);
    const composition = await readComposition('composition.yaml');
    composition.spec.pipeline[0].input.resources[1].patches.push({
      type: 'FromCompositeFieldPath',
      fromFieldPath: 'spec.storageGb',
      toFieldPath: 'spec.forProvider.allocatedStorage',
    });
    expect(
      composedFieldProblems(composition, schemas).filter(
        p => p.side === 'composite',
      ),
    ).toEqual([
      expect.objectContaining({
        kind: 'PostgreSQLInstance',
        field: 'spec.storageGb',
        problem: 'undeclared',
      }),
    ]);
  });
});

describe('parseFieldPath', () => {
  it('keeps a bracketed key whole and reads array indexes as numbers', () => {
    expect(
      parseFieldPath('spec.forProvider.tags[paved.dev/owner].x[0]'),
    ).toEqual(['spec', 'forProvider', 'tags', 'paved.dev/owner', 'x', 0]);
  });
});
