import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import {
  openApiViolationsHandler,
  violationsFromOpenApi,
} from './openApiErrors';

// A small spec exercising each kind of rule, validated by Backstage's own OpenAPI router.
const spec = {
  openapi: '3.1.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/things/{name}': {
      post: {
        parameters: [
          {
            name: 'name',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[a-z]+$' },
          },
          {
            name: 'state',
            in: 'query',
            required: false,
            schema: { type: 'string', enum: ['open', 'closed'] },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['title', 'size'],
                additionalProperties: { not: {} },
                properties: {
                  title: { type: 'string', minLength: 1, maxLength: 5 },
                  size: { type: 'integer', maximum: 10 },
                  tags: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        },
        responses: { '200': { description: 'ok' } },
      },
    },
  },
} as const;

describe('violationsFromOpenApi', () => {
  let app: express.Express;

  beforeAll(async () => {
    const router = await createValidatedOpenApiRouter<typeof spec>(spec, {
      validatorOptions: {
        validateRequests: {
          allErrors: true,
          coerceTypes: false,
          allowUnknownQueryParameters: false,
        },
      },
    });
    router.post('/things/:name', (_req, res) => {
      res.json({ ok: true });
    });
    router.use(openApiViolationsHandler);
    app = express();
    app.use(router);
    app.use(
      MiddlewareFactory.create({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
      }).error(),
    );
  });

  const message = (res: request.Response) => {
    expect(res.status).toBe(400);
    return res.body.error.message as string;
  };

  it('names every broken rule of a request at once, in Paved format', async () => {
    const res = await request(app)
      .post('/things/Bad?state=maybe')
      .send({ title: 'far too long', size: 'big', tags: [1], extra: true });
    const violations = message(res).split('; ').sort();
    expect(violations).toEqual(
      [
        'name: must match pattern "^[a-z]+$" (rule: pattern)',
        'state: must be equal to one of the allowed values: open, closed (rule: enum)',
        'title: must NOT have more than 5 characters (rule: maximum)',
        'size: must be integer (rule: type)',
        'tags[0]: must be string (rule: type)',
        'extra: is not a known field (rule: no-unknown-fields)',
      ].sort(),
    );
  });

  it('names missing fields and unknown query parameters', async () => {
    expect(
      message(await request(app).post('/things/ok').send({})).split('; '),
    ).toEqual([
      'title: is required (rule: required)',
      'size: is required (rule: required)',
    ]);
    expect(
      message(
        await request(app)
          .post('/things/ok?colour=red')
          .send({ title: 'a', size: 1 }),
      ),
    ).toBe('colour: is not a known query parameter (rule: no-unknown-fields)');
    expect(
      (await request(app).post('/things/ok').send({ title: 'a', size: 1 }))
        .status,
    ).toBe(200);
  });

  it('leaves other messages alone', () => {
    expect(
      violationsFromOpenApi('Repository x does not exist'),
    ).toBeUndefined();
  });
});
