import type { Request, Response } from 'express';
import { nulCharacterGuard, pathsWithNulCharacter } from './nulCharacters';

function guard(request: Partial<Request>): Error | undefined {
  let passed: unknown = 'not called';
  nulCharacterGuard()(
    { path: '/', query: {}, body: undefined, ...request } as Request,
    {} as Response,
    (error?: unknown) => {
      passed = error;
    },
  );
  if (passed === 'not called') throw new Error('the guard did not call next');
  return passed as Error | undefined;
}

describe('nulCharacterGuard', () => {
  it('names every body field, query parameter and the path that hold a NUL character', () => {
    const error = guard({
      path: '/requests/a%00b',
      query: { owner: 'group:default/pay\u0000ments', status: ['ready', '\0'] },
      body: {
        comment: 'fine',
        events: [{ data: { severity: 'sev\u00002' } }, { id: 'ok' }],
        'key\u0000': 1,
      },
    });
    expect(error?.name).toBe('InputError');
    expect(error?.message.split('; ')).toEqual([
      'path: must not contain the NUL character (U+0000) (rule: no-nul-character)',
      'owner: must not contain the NUL character (U+0000) (rule: no-nul-character)',
      'status[1]: must not contain the NUL character (U+0000) (rule: no-nul-character)',
      // A key is named as its object is reached, before the values inside.
      'key\u0000: must not contain the NUL character (U+0000) (rule: no-nul-character)',
      'events[0].data.severity: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    ]);
  });

  it('names a body that is itself such a string', () => {
    expect(guard({ body: '\u0000' })?.message).toBe(
      'body: must not contain the NUL character (U+0000) (rule: no-nul-character)',
    );
  });

  it('lets everything else through, however deep', () => {
    let deep: unknown = 'x';
    for (let level = 0; level < 50_000; level++) deep = [deep];
    expect(guard({ body: deep })).toBeUndefined();
    expect(
      guard({
        path: '/requests/%2e%2e',
        query: { to: '2026-11-01T00:00:00+01:00' },
        body: { comment: 'a\u0001b', n: 0, ok: true, none: null },
      }),
    ).toBeUndefined();
  });

  it('spells out the whole path of a NUL character found deep down', () => {
    let deep: unknown = { note: 'a\u0000b' };
    for (let level = 0; level < 20_000; level++) deep = { a: [deep] };
    const [path] = pathsWithNulCharacter(deep);
    expect(path).toHaveLength(40_001);
    expect(path.slice(0, 4)).toEqual(['a', 0, 'a', 0]);
    expect(path[path.length - 1]).toBe('note');
  });

  it('names at most ten fields', () => {
    expect(pathsWithNulCharacter(Array(5000).fill('\0'))).toHaveLength(10);
  });
});
