import { unifiedFileDiff } from './fileDiff';

describe('unifiedFileDiff', () => {
  it('shows the changed lines with context, like git diff', () => {
    const before = 'a: 1\nsize: small\nstorageGB: 5\nz: 9\n';
    const after = 'a: 1\nsize: medium\nstorageGB: 20\nz: 9\n';
    const diff = unifiedFileDiff('dbs/orders.yaml', before, after);
    expect(diff).toContain('--- a/dbs/orders.yaml');
    expect(diff).toContain('+++ b/dbs/orders.yaml');
    expect(diff).toContain(
      '-size: small\n-storageGB: 5\n+size: medium\n+storageGB: 20',
    );
    expect(diff).toContain(' a: 1');
  });

  it('is empty when nothing changes, and names new files', () => {
    expect(unifiedFileDiff('x.tf', 'same\n', 'same\n')).toBe('');
    const created = unifiedFileDiff('x.tf', undefined, 'module "x" {}\n');
    expect(created).toContain('--- /dev/null');
    expect(created).toContain('+module "x" {}');
  });
});
