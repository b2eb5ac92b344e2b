import request from 'supertest';
import express from 'express';
import {
  createMockDirectory,
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { LocalGitHost } from '@paved/plugin-githost-node';
import { PavedScaffolderConfig } from '../config';
import { createServiceNamesRouter } from './router';
import { writeSampleWorkspace } from '@paved/plugin-githost-node/testUtils';

jest.setTimeout(60_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'ledger-service' },
    spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
  },
];

describe('GET /paved/service-names/:name', () => {
  const dir = createMockDirectory();
  let app: express.Express;
  let gitHost: LocalGitHost;

  beforeEach(() => {
    dir.clear();
    const config: PavedScaffolderConfig = {
      gitHostDirectory: dir.resolve('git'),
      backendBaseUrl: 'http://localhost:7007',
      publishTarget: 'local',
      committer: { name: 'Paved', email: 'paved@example.com' },
    };
    gitHost = new LocalGitHost(config.gitHostDirectory);
    app = express()
      .use(
        createServiceNamesRouter({
          catalog: catalogServiceMock({ entities }),
          gitHost,
          config,
          httpAuth: mockServices.httpAuth({
            defaultCredentials: mockCredentials.user('user:default/sam.rivera'),
          }),
        }),
      )
      .use(mockErrorHandler());
  });

  it('says a new name is free', async () => {
    const res = await request(app).get('/paved/service-names/orders-api');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ name: 'orders-api', available: true });
  });

  it('names the rule a name breaks', async () => {
    const res = await request(app).get('/paved/service-names/Orders_API');
    expect(res.body).toMatchObject({ available: false });
    expect(res.body.problem).toMatch(/^name: 'Orders_API' must match/);
  });

  it('refuses a name the catalog already has', async () => {
    const res = await request(app).get('/paved/service-names/ledger-service');
    expect(res.body).toEqual({
      name: 'ledger-service',
      available: false,
      problem: 'name: component:default/ledger-service already exists in the catalog',
    });
  });

  it('refuses a name the git host already has', async () => {
    const workspace = dir.resolve('workspace');
    await writeSampleWorkspace(workspace);
    await gitHost.publish({
      name: 'orphan-repo',
      sourceDirectory: workspace,
      taskId: 'task-1',
      author: { name: 'Sam Rivera', email: 'sam.rivera@example.com' },
      committer: { name: 'Paved', email: 'paved@example.com' },
      message: 'Initial commit',
    });
    const res = await request(app).get('/paved/service-names/orphan-repo');
    expect(res.body).toEqual({
      name: 'orphan-repo',
      available: false,
      problem: "name: repository 'orphan-repo' already exists on the local git host",
    });
  });

  it('answers 400 naming the field for a bad namespace', async () => {
    const res = await request(app).get(
      '/paved/service-names/orders-api?namespace=Not%20One',
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^namespace: /);
  });
});
