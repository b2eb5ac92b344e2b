import { mockServices } from '@backstage/backend-test-utils';
import type { DatabaseRequest } from '@paved/plugin-provisioning-common';
import type Redis from 'ioredis';
import { SandboxRedisProvider } from './SandboxRedisProvider';
import {
  REDIS_ADMIN,
  UNUSED_SNAPSHOT_DIRECTORY,
  redisClient,
  redisRequest,
} from './__testUtils__/redis';
import { MemorySecrets } from './__testUtils__/fixtures';

jest.setTimeout(60_000);

/**
 * Two tenants on the shared local Redis: what one sandbox user can and cannot do. Commands that
 * would harm the shared server if the confinement failed (FLUSHALL, SHUTDOWN, CONFIG SET…) are
 * asked with ACL DRYRUN, which checks the user's permissions without running them.
 */
describe('sandbox Redis users on the local Redis', () => {
  const secrets = new MemorySecrets();
  const ctx = { logger: mockServices.logger.mock(), secrets };
  const provider = new SandboxRedisProvider({
    settings: { connection: REDIS_ADMIN },
    snapshotDirectory: UNUSED_SNAPSHOT_DIRECTORY,
  });
  const admin = redisClient();
  let alice: DatabaseRequest;
  let bob: DatabaseRequest;
  let aliceClient: Redis;
  const aliceUser = () => SandboxRedisProvider.userOf(alice);
  const bobUser = () => SandboxRedisProvider.userOf(bob);

  beforeAll(async () => {
    await admin.connect();
    alice = redisRequest({ name: 'alice-cache' });
    bob = redisRequest({ name: 'bob-cache' });
    for (const tenant of [alice, bob]) {
      const status = await provider.provision(tenant, ctx);
      if (status.state !== 'ready') {
        throw new Error(`${tenant.name} not ready: ${JSON.stringify(status)}`);
      }
    }
    await admin.set(`${bobUser().keyPrefix}secret`, 'bob only');
    await admin.set('unprefixed', 'nobody');
    aliceClient = redisClient({
      username: aliceUser().username,
      password: secrets.values.get(alice.id)!,
    });
    await aliceClient.connect();
  });

  afterAll(async () => {
    aliceClient?.disconnect();
    await provider.deprovision(alice, ctx);
    await provider.deprovision(bob, ctx);
    await admin.del('unprefixed');
    admin.disconnect();
  });

  it('reads and writes its own keys', async () => {
    const key = `${aliceUser().keyPrefix}session:1`;
    await aliceClient.set(key, 'hello');
    expect(await aliceClient.get(key)).toBe('hello');
    expect(await aliceClient.incr(`${aliceUser().keyPrefix}counter`)).toBe(1);
  });

  it("cannot read, write or delete another tenant's keys, nor keys outside any prefix", async () => {
    const bobKey = `${bobUser().keyPrefix}secret`;
    await expect(aliceClient.get(bobKey)).rejects.toThrow(/NOPERM/);
    await expect(aliceClient.set(bobKey, 'stolen')).rejects.toThrow(/NOPERM/);
    await expect(aliceClient.del(bobKey)).rejects.toThrow(/NOPERM/);
    await expect(aliceClient.get('unprefixed')).rejects.toThrow(/NOPERM/);
    await expect(
      aliceClient.rename(`${aliceUser().keyPrefix}counter`, bobKey),
    ).rejects.toThrow(/NOPERM/);
    // A prefix that merely starts like its own (no `:` after the user name) is someone else's.
    await expect(
      aliceClient.set(`${aliceUser().username}x:key`, 'v'),
    ).rejects.toThrow(/NOPERM/);
    // Scripts run their commands under the user's permissions too.
    await expect(
      aliceClient.eval(`return redis.call('GET', KEYS[1])`, 1, bobKey),
    ).rejects.toThrow(/NOPERM|No permissions/i);
    expect(await admin.get(bobKey)).toBe('bob only');
  });

  it("cannot list other tenants' keys or use their channels", async () => {
    await expect(aliceClient.keys('*')).rejects.toThrow(/NOPERM/);
    await expect(aliceClient.scan('0')).rejects.toThrow(/NOPERM/);
    await expect(aliceClient.randomkey()).rejects.toThrow(/NOPERM/);
    await expect(
      aliceClient.publish(`${bobUser().keyPrefix}events`, 'x'),
    ).rejects.toThrow(/NOPERM/);
    expect(
      await aliceClient.publish(`${aliceUser().keyPrefix}events`, 'x'),
    ).toBe(0);
  });

  it('cannot switch databases nor change the server', async () => {
    await expect(aliceClient.select(1)).rejects.toThrow(/NOPERM/);
    await expect(aliceClient.config('GET', 'maxmemory')).rejects.toThrow(
      /NOPERM/,
    );
    await expect(aliceClient.info()).rejects.toThrow(/NOPERM/);
    await expect(
      aliceClient.call('ACL', 'SETUSER', aliceUser().username, '~*'),
    ).rejects.toThrow(/NOPERM/);
    await expect(
      aliceClient.call('FUNCTION', 'LOAD', '#!lua name=x\n'),
    ).rejects.toThrow(/NOPERM/);
  });

  it.each(
    [
      ['FLUSHALL'],
      ['FLUSHDB'],
      ['SHUTDOWN', 'NOSAVE'],
      ['CONFIG', 'SET', 'maxmemory', '1'],
      ['DEBUG', 'SLEEP', '0'],
      ['MONITOR'],
      ['SAVE'],
      ['SWAPDB', '0', '1'],
      ['REPLICAOF', 'NO', 'ONE'],
      ['CLIENT', 'KILL', 'TYPE', 'normal'],
      ['ACL', 'DELUSER', 'default'],
      ['MOVE', 'paved_x:k', '1'],
    ].map(command => [command.join(' '), command]),
  )('may not run the dangerous command %s', async (_, command) => {
    const answer = await admin.call(
      'ACL',
      'DRYRUN',
      aliceUser().username,
      ...command,
    );
    expect(String(answer)).toMatch(/has no permissions to run/);
  });

  it('may run the ordinary commands of its keys (checked the same way)', async () => {
    const key = `${aliceUser().keyPrefix}k`;
    for (const command of [
      ['GET', key],
      ['HSET', key, 'f', 'v'],
      ['EXPIRE', key, '10'],
      ['MULTI'],
    ]) {
      expect(
        await admin.call('ACL', 'DRYRUN', aliceUser().username, ...command),
      ).toBe('OK');
    }
  });
});
