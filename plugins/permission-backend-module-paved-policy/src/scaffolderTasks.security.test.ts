/*
 * Attack: a developer reads or cancels someone else's golden-path task through the scaffolder's
 * API (task ids show up in links and notifications; the task's parameters and logs can hold
 * another team's details). Paved's policy keeps a task to the person who started it and the
 * platform team; teammates included, as the task is a person's, not a team's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleScaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import pavedPolicy from './index';
import {
  httpAuthWithActorFactory,
  signedInAs,
  userInfoFactory,
} from './__testUtils__/signedIn';

jest.setTimeout(90_000);

// A template whose task keeps running for a while, so there is something to cancel.
const template = `apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: slow-template
spec:
  owner: group:default/platform
  type: service
  parameters: []
  steps:
    - id: wait
      name: Wait
      action: debug:wait
      input:
        seconds: 20
`;

describe('scaffolder tasks belong to the person who started them', () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paved-tasks-'));
  const templateFile = path.join(workDir, 'template.yaml');
  fs.writeFileSync(templateFile, template);
  let baseUrl = '';
  let stop: () => Promise<void>;
  let taskId = '';

  const call = (
    person: 'sam' | 'tomas' | 'priya',
    method: string,
    route: string,
    body?: unknown,
  ) =>
    fetch(`${baseUrl}/api/scaffolder${route}`, {
      method,
      headers: {
        Authorization: signedInAs(person),
        ...(body ? { 'Content-Type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleScaffolderEntityModel,
        scaffolderPlugin,
        permissionPlugin,
        pavedPolicy,
        userInfoFactory,
        httpAuthWithActorFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            permission: { enabled: true },
            paved: { platformTeam: 'group:default/platform' },
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Template', 'Location'] }],
              locations: [{ type: 'file', target: templateFile }],
            },
          },
        }),
      ],
    });
    stop = async () => {
      await backend.stop();
      fs.rmSync(workDir, { recursive: true, force: true });
    };
    baseUrl = `http://localhost:${
      (backend.server.address() as AddressInfo).port
    }`;

    // Sam starts a task once the catalog has the template.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const response = await call('sam', 'POST', '/v2/tasks', {
        templateRef: 'template:default/slow-template',
        values: {},
      });
      if (response.status === 201) {
        taskId = (await response.json()).id;
        break;
      }
      if (Date.now() > deadline) {
        throw new Error(`task not created: ${await response.text()}`);
      }
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  });
  afterAll(() => stop?.());

  it('lets the creator read the task', async () => {
    const response = await call('sam', 'GET', `/v2/tasks/${taskId}`);
    expect(response.status).toBe(200);
    expect((await response.json()).createdBy).toBe('user:default/sam.rivera');
  });

  it('refuses another developer, even a teammate, reading it, its events or listing it', async () => {
    expect((await call('tomas', 'GET', `/v2/tasks/${taskId}`)).status).toBe(
      403,
    );
    expect(
      (await call('tomas', 'GET', `/v2/tasks/${taskId}/events`)).status,
    ).toBe(403);
    const list = await (await call('tomas', 'GET', '/v2/tasks')).json();
    expect(list.tasks.map((t: { id: string }) => t.id)).not.toContain(taskId);
  });

  it('refuses another developer cancelling it; the task keeps running', async () => {
    expect(
      (await call('tomas', 'POST', `/v2/tasks/${taskId}/cancel`)).status,
    ).toBe(403);
    const task = await (await call('sam', 'GET', `/v2/tasks/${taskId}`)).json();
    expect(['open', 'processing']).toContain(task.status);
  });

  it('lets the platform team read any task, and the creator cancel theirs', async () => {
    expect((await call('priya', 'GET', `/v2/tasks/${taskId}`)).status).toBe(
      200,
    );
    expect(
      (await call('sam', 'POST', `/v2/tasks/${taskId}/cancel`)).status,
    ).toBe(200);
    // The cancel takes effect: the task stops well before its 20 s wait is over (had the file
    // ended first, that wait's timer would have held the jest worker open for up to 20 s).
    const deadline = Date.now() + 15_000;
    let status = 'processing';
    while (status === 'open' || status === 'processing') {
      if (Date.now() > deadline) {
        throw new Error(
          `the task is still ${status} after its creator cancelled it`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 250));
      status = (await (await call('sam', 'GET', `/v2/tasks/${taskId}`)).json())
        .status;
    }
    // Backstage records a run stopped by its cancel signal as failed.
    expect(status).toBe('failed');
  });
});
