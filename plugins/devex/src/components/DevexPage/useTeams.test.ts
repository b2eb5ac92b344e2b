import { GroupEntity } from '@backstage/catalog-model';
import { orderTeams, withDescendants } from './useTeams';

function group(name: string, parent?: string, title?: string): GroupEntity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
    spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
  };
}

describe('orderTeams', () => {
  const teams = orderTeams([
    group('storefront', 'product'),
    group('data', 'engineering'),
    group('payments', 'group:default/product', 'Payments'),
    group('engineering'),
    group('product', 'engineering'),
    group('platform', 'engineering'),
    group('orphan', 'missing-parent'),
  ]);

  it('lists each parent before its children, alphabetically, with depth', () => {
    expect(teams.map(t => `${'-'.repeat(t.depth)}${t.name}`)).toEqual([
      'engineering',
      '-data',
      '-platform',
      '-product',
      '--payments',
      '--storefront',
      'orphan',
    ]);
    expect(teams.find(t => t.name === 'payments')?.title).toBe('Payments');
  });

  it('pools a team with every group below it', () => {
    expect(withDescendants(teams, 'group:default/product').sort()).toEqual([
      'group:default/payments',
      'group:default/product',
      'group:default/storefront',
    ]);
    expect(withDescendants(teams, 'group:default/payments')).toEqual([
      'group:default/payments',
    ]);
  });
});
