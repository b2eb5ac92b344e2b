import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { v4 as uuid } from 'uuid';
import { SandboxSnapshotFiles } from './snapshotFiles';

describe('SandboxSnapshotFiles', () => {
  let directory: string;
  let files: SandboxSnapshotFiles;
  const request = { id: uuid(), name: 'orders' };

  beforeEach(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'paved-snapfiles-'));
    files = new SandboxSnapshotFiles(directory, '.dump');
  });
  afterEach(() => fs.rm(directory, { recursive: true, force: true }));

  it('writes a snapshot once, in a folder of the request only the backend reads', async () => {
    const snapshotId = uuid();
    const fill = jest.fn((partial: string) => fs.writeFile(partial, 'dump'));
    const first = await files.write(request, snapshotId, fill);
    expect(first).toEqual({
      record: { location: `${request.id}/${snapshotId}.dump`, sizeBytes: 4 },
      written: true,
    });
    const file = path.join(directory, first.record.location);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.dirname(file))).mode & 0o777).toBe(0o700);

    // A repeated step keeps the point in time written before.
    const again = await files.write(request, snapshotId, fill);
    expect(again).toEqual({ record: first.record, written: false });
    expect(fill).toHaveBeenCalledTimes(1);
  });

  it('leaves no snapshot behind when filling it failed', async () => {
    const snapshotId = uuid();
    await expect(
      files.write(request, snapshotId, async partial => {
        await fs.writeFile(partial, 'half');
        throw new Error('pg_dump failed');
      }),
    ).rejects.toThrow('pg_dump failed');
    await expect(
      fs.stat(path.join(directory, files.locationOf(request, snapshotId))),
    ).rejects.toThrow();
  });

  it("refuses ids that are not UUIDs and another request's snapshots", async () => {
    expect(() => files.locationOf(request, '../../etc/passwd')).toThrow(
      /is not a UUID/,
    );
    expect(() =>
      files.locationOf({ id: '../x', name: 'orders' }, uuid()),
    ).toThrow(/is not a UUID/);
    const other = { id: uuid(), name: 'orders' };
    const snapshotId = uuid();
    const { record } = await files.write(other, snapshotId, partial =>
      fs.writeFile(partial, 'theirs'),
    );
    const theirs = { ...record, id: snapshotId };
    expect(() => files.fileOf(request, theirs)).toThrow(
      /is not one of request/,
    );
    await expect(files.delete(request, theirs)).rejects.toThrow(
      /is not one of request/,
    );
    await fs.stat(path.join(directory, record.location));
  });

  it("removes a snapshot, and the request's folder with its last one", async () => {
    const [a, b] = [uuid(), uuid()];
    const written = await Promise.all(
      [a, b].map(id =>
        files.write(request, id, partial => fs.writeFile(partial, id)),
      ),
    );
    await files.delete(request, { ...written[0].record, id: a });
    expect(await fs.readdir(path.join(directory, request.id))).toEqual([
      `${b}.dump`,
    ]);
    await files.delete(request, { ...written[1].record, id: b });
    // Removing what is gone succeeds.
    await files.delete(request, { ...written[1].record, id: b });
    expect(await fs.readdir(directory)).toEqual([]);
  });
});
