import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of one file in a GitOps repository, as `git diff` shows it (`a/` and `b/`
 * prefixes, 3 lines of context); `before` undefined means the file is new, `after` null that it
 * is removed. Empty when nothing changes. Approvers read it before a change is committed.
 */
export function unifiedFileDiff(
  filePath: string,
  before: string | undefined,
  after: string | null,
): string {
  if (before === (after ?? undefined)) return '';
  return createTwoFilesPatch(
    before === undefined ? '/dev/null' : `a/${filePath}`,
    after === null ? '/dev/null' : `b/${filePath}`,
    before ?? '',
    after ?? '',
    undefined,
    undefined,
    { context: 3 },
  )
    .split('\n')
    .filter(line => !line.startsWith('====='))
    .join('\n');
}
