import os from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import {
  errorBodiesWithoutInternals,
  withoutAbsolutePaths,
} from './errorBodies';

describe('withoutAbsolutePaths', () => {
  const here = path.join(process.cwd(), 'src', 'errorBodies.ts');
  const temporary = path.join(os.tmpdir(), 'paved-x', 'definitions.yaml');

  it('keeps only the last segment of a path on this machine', () => {
    expect(
      withoutAbsolutePaths(
        `ENOENT: no such file or directory, open '${temporary}'`,
      ),
    ).toBe(`ENOENT: no such file or directory, open '…/definitions.yaml'`);
    expect(withoutAbsolutePaths(`git --git-dir=${here} failed`)).toBe(
      'git --git-dir=…/errorBodies.ts failed',
    );
    expect(withoutAbsolutePaths(`cloned ${new URL(`file://${here}`)}`)).toBe(
      'cloned …/errorBodies.ts',
    );
  });

  it('leaves URLs, URL paths and relative paths alone', () => {
    const text =
      'GET /api/catalog/entities failed at http://localhost:7007/tmp/x.yaml; see ./tmp/notes.md';
    expect(withoutAbsolutePaths(text)).toBe(text);
  });
});

describe('errorBodiesWithoutInternals', () => {
  const failing = (development: boolean) => {
    const app = express();
    app.use(errorBodiesWithoutInternals({ development }));
    app.get('/fail', (_req, res) => {
      res.status(500).json({
        error: {
          name: 'Error',
          message: `ENOENT: open '${path.join(
            os.tmpdir(),
            'paved',
            'a.yaml',
          )}'`,
          stack: `Error: ENOENT\n    at ${__filename}:1:1`,
          cause: { name: 'Error', message: 'inner', stack: 'x' },
        },
        request: { method: 'GET', url: '/fail' },
        response: { statusCode: 500 },
      });
    });
    app.get('/fine', (_req, res) => {
      res.json({ path: os.tmpdir() });
    });
    return app;
  };

  it('outside development: no stack, no absolute path, the rest as it was', async () => {
    const response = await request(failing(false)).get('/fail');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: {
        name: 'Error',
        message: "ENOENT: open '…/a.yaml'",
        cause: { name: 'Error', message: 'inner' },
      },
      request: { method: 'GET', url: '/fail' },
      response: { statusCode: 500 },
    });
    // Successful answers are not error bodies.
    expect((await request(failing(false)).get('/fine')).body.path).toBe(
      os.tmpdir(),
    );
  });

  it('in development: the error as thrown', async () => {
    const response = await request(failing(true)).get('/fail');
    expect(response.body.error.stack).toContain(__filename);
    expect(response.body.error.message).toContain(os.tmpdir());
  });
});
