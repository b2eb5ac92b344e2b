import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { loadAdmissionPolicies } from '@paved/plugin-scorecards-node';
import { DefinitionsLoader } from './DefinitionsLoader';
import { CatalogFactCollector } from '../facts/CatalogFactCollector';
import { DoraFactCollector } from '../facts/DoraFactCollector';
import { GoldenPathFactCollector } from '../facts/GoldenPathFactCollector';
import { ProvisioningFactCollector } from '../facts/ProvisioningFactCollector';
import { RepositoryFactCollector } from '../facts/RepositoryFactCollector';

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * Paved's own standards (scorecards/paved-standards.yaml) load, and every check reads a fact that
 * something produces: a built-in collector, a policy of policies/, or CI (`ci.*`). A check on a
 * fact nobody reports would be `unknown` for every entity, for ever.
 */
describe('scorecards/paved-standards.yaml', () => {
  it('loads, and each check reads a fact a collector, a policy or CI reports', async () => {
    const definitions = await new DefinitionsLoader({
      files: [path.join(ROOT, 'scorecards/paved-standards.yaml')],
      inlineChecks: [],
      urlReader: mockServices.urlReader.mock(),
      logger: mockServices.logger.mock(),
    }).load();

    const unused = {} as any;
    const collected = new Set(
      [
        new CatalogFactCollector(unused, unused),
        new RepositoryFactCollector(unused, unused),
        new DoraFactCollector(unused),
        new ProvisioningFactCollector(unused),
        new GoldenPathFactCollector(unused, unused),
      ].flatMap(c => c.descriptors.map(d => d.factId)),
    );
    const policies = new Set(
      (await loadAdmissionPolicies(path.join(ROOT, 'policies'))).map(
        p => `policy.${p.policy.metadata.name}`,
      ),
    );
    const orphans = definitions.checks
      .map(c => c.fact)
      .filter(
        fact =>
          !collected.has(fact) &&
          !policies.has(fact) &&
          !fact.startsWith('ci.'),
      );
    expect(orphans).toEqual([]);

    const readiness = definitions.scorecards.find(
      s => s.id === 'production-readiness',
    )!;
    expect(readiness.levels.gold).toContain('no-unapproved-drift');
    expect(
      definitions.checks.find(c => c.id === 'no-unapproved-drift'),
    ).toMatchObject({
      fact: 'provisioning.unapprovedDrift',
      operator: '==',
      threshold: 0,
    });
  });
});
