import { Entity } from '@backstage/catalog-model';

export const SAM = 'user:default/sam.rivera';
export const PRIYA = 'user:default/priya.natarajan';

const group = (name: string, children: string[] = []): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children },
});
const user = (name: string, team: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name, namespace: 'default' },
  spec: { memberOf: [team] },
  relations: [{ type: 'memberOf', targetRef: `group:default/${team}` }],
});
const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: { type: 'service', lifecycle: 'production', owner },
});

/**
 * A small organisation: Sam Rivera develops in payments; Priya Natarajan is on the platform
 * team; storefront is another team with its own service.
 */
export const exampleOrg: Entity[] = [
  group('payments'),
  group('storefront'),
  group('platform'),
  user('sam.rivera', 'payments'),
  user('priya.natarajan', 'platform'),
  component('payments-api', 'payments'),
  component('checkout-web', 'storefront'),
];
