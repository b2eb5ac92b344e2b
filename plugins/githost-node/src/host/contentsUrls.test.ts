import { isGitHostUrl, parseGitHostUrl, repoContentsUrl } from './contentsUrls';

describe('local git host URLs', () => {
  it('round-trips a contents URL', () => {
    const base = repoContentsUrl(
      'http://localhost:7007/',
      'payments-api',
      'main',
    );
    expect(base).toBe(
      'http://localhost:7007/api/githost/payments-api/blob/main',
    );
    expect(parseGitHostUrl(`${base}/docs/index.md`)).toEqual({
      repository: 'payments-api',
      ref: 'main',
      filePath: 'docs/index.md',
    });
    expect(parseGitHostUrl(`${base}/`).filePath).toBe('');
  });

  it('recognises only URLs under the backend base URL', () => {
    const base = 'http://localhost:7007';
    expect(
      isGitHostUrl(new URL(`${base}/api/githost/x/blob/main/a`), base),
    ).toBe(true);
    expect(
      isGitHostUrl(new URL('http://evil:7007/api/githost/x/blob/main/a'), base),
    ).toBe(false);
    expect(isGitHostUrl(new URL(`${base}/api/catalog/x`), base)).toBe(false);
  });

  it.each([
    'http://localhost:7007/api/githost/x/blob/main/%2e%2e/%2e%2e/etc/passwd',
    'http://localhost:7007/api/githost/..%2F..%2Fetc/blob/main/passwd',
    'http://localhost:7007/api/githost/Payments/blob/main/a',
    'http://localhost:7007/api/githost/x/raw/main/a',
    'http://localhost:7007/api/githost/x/blob/-delete/a',
    'http://localhost:7007/api/githost/x/blob/a..b/a',
    'http://localhost:7007/api/githost/x/blob/main/a%5C..%5Cb',
    'http://localhost:7007/api/githost/x/blob/main/../../../../etc/passwd',
  ])('rejects hostile URL %s', url => {
    expect(() => parseGitHostUrl(url)).toThrow();
  });
});
