import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotModifiedError } from '@backstage/errors';
import type { FactDescriptor } from '@paved/plugin-scorecards-common';
import type {
  CollectedFact,
  FactCollector,
} from '@paved/plugin-scorecards-node';
import type { FactStore } from '../database';
import { allUnknown, known, mapWithLimit } from './collectedFacts';

const SOURCE = 'repository';

const descriptors: FactDescriptor[] = [
  {
    factId: 'repo.hasRunbook',
    title: 'Has a runbook',
    description: 'docs/runbook.md, RUNBOOK.md or docs/RUNBOOK.md exists.',
    type: 'boolean',
    source: SOURCE,
  },
  {
    factId: 'repo.hasCodeowners',
    title: 'Has CODEOWNERS',
    description:
      'CODEOWNERS, .github/CODEOWNERS or docs/CODEOWNERS exists and names someone.',
    type: 'boolean',
    source: SOURCE,
  },
  {
    factId: 'repo.ciImageScan',
    title: 'CI scans the image',
    description:
      'A workflow under .github/workflows (or .gitlab-ci.yml) runs Trivy, Grype or Snyk.',
    type: 'boolean',
    source: SOURCE,
  },
  {
    factId: 'repo.chartSecurityContext',
    title: 'Chart sets the security context',
    description:
      'The Helm chart under chart/ sets runAsNonRoot: true, readOnlyRootFilesystem: true and allowPrivilegeEscalation: false.',
    type: 'boolean',
    source: SOURCE,
  },
];

const RUNBOOKS = [
  'docs/runbook.md',
  'RUNBOOK.md',
  'docs/RUNBOOK.md',
  'runbook.md',
];
const CODEOWNERS = ['CODEOWNERS', '.github/CODEOWNERS', 'docs/CODEOWNERS'];
const IMAGE_SCANNERS =
  /aquasecurity\/trivy-action|\btrivy\s+image\b|anchore\/scan-action|\bgrype\b|snyk\/actions\/docker|\bsnyk\s+container\b/i;
const CHART_SETTINGS: Array<[string, RegExp]> = [
  ['runAsNonRoot: true', /runAsNonRoot:\s*true/],
  ['readOnlyRootFilesystem: true', /readOnlyRootFilesystem:\s*true/],
  ['allowPrivilegeEscalation: false', /allowPrivilegeEscalation:\s*false/],
];

function describeScan(
  scanning: string | undefined,
  workflows: string[],
): string {
  if (scanning) return `image scan in ${scanning}`;
  if (workflows.length === 0) return 'no CI workflow found';
  return `no Trivy, Grype or Snyk step in ${workflows.join(', ')}`;
}

/** Only the files these facts look at are read from the repository's tree. */
function wanted(path: string): boolean {
  return (
    RUNBOOKS.includes(path) ||
    CODEOWNERS.includes(path) ||
    path === '.gitlab-ci.yml' ||
    /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) ||
    /^chart\/templates\/[^/]+\.ya?ml$/.test(path)
  );
}

/** The repository root the entity's files live under, from its annotations. */
export function repositoryUrlOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const source = annotations[ANNOTATION_SOURCE_LOCATION];
  if (source?.startsWith('url:')) {
    const url = source.slice(4);
    return url.endsWith('/') ? url : `${url}/`;
  }
  const location = annotations[ANNOTATION_LOCATION];
  if (location?.startsWith('url:')) {
    // The directory holding catalog-info.yaml.
    return new URL('.', location.slice(4)).toString();
  }
  return undefined;
}

/**
 * Facts read from the entity's repository through Backstage's URL readers (the local git host,
 * GitHub, GitLab...): runbook, CODEOWNERS, an image scan in CI, and the Helm chart's security
 * settings. A tree that has not changed since the last read (same etag) is not read again.
 */
export class RepositoryFactCollector implements FactCollector {
  readonly id = SOURCE;
  readonly descriptors = descriptors;

  constructor(
    private readonly urlReader: UrlReaderService,
    private readonly facts: Pick<FactStore, 'sourceEtag' | 'setSourceEtag'>,
  ) {}

  async collect(entities: Entity[]): Promise<CollectedFact[]> {
    const perEntity = await mapWithLimit(entities, 4, entity =>
      this.collectOne(entity),
    );
    return perEntity.flat();
  }

  private async collectOne(entity: Entity): Promise<CollectedFact[]> {
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const url = repositoryUrlOf(entity);
    if (!url) {
      return allUnknown(
        ref,
        descriptors,
        'no backstage.io/source-location annotation says where the repository is',
      );
    }
    const etag = await this.facts.sourceEtag(SOURCE, ref);
    let files: Map<string, string>;
    let newEtag: string;
    try {
      const tree = await this.urlReader.readTree(url, {
        etag,
        filter: path => wanted(path),
      });
      files = new Map();
      for (const file of await tree.files()) {
        files.set(file.path, (await file.content()).toString('utf8'));
      }
      newEtag = tree.etag;
    } catch (error) {
      if (
        error instanceof NotModifiedError ||
        (error as Error)?.name === 'NotModifiedError'
      ) {
        // Unchanged since the last read: the facts stored then still hold.
        return [];
      }
      return allUnknown(
        ref,
        descriptors,
        `the repository at ${url} could not be read: ${
          (error as Error).message
        }`,
      );
    }
    await this.facts.setSourceEtag(SOURCE, ref, newEtag);
    return this.factsOf(ref, files);
  }

  private factsOf(ref: string, files: Map<string, string>): CollectedFact[] {
    const runbook = RUNBOOKS.find(p => files.has(p));
    const codeowners = CODEOWNERS.find(p =>
      /^[^#\s].*\s@?\S+/m.test(files.get(p) ?? ''),
    );
    const workflows = [...files.keys()].filter(
      p => p.startsWith('.github/workflows/') || p === '.gitlab-ci.yml',
    );
    const scanning = workflows.find(p => IMAGE_SCANNERS.test(files.get(p)!));
    const chart = [...files.entries()].filter(([p]) =>
      p.startsWith('chart/templates/'),
    );
    const chartText = chart.map(([, text]) => text).join('\n');
    const missing = CHART_SETTINGS.filter(
      ([, pattern]) => !pattern.test(chartText),
    ).map(([s]) => s);
    return [
      known(
        ref,
        'repo.hasRunbook',
        Boolean(runbook),
        runbook ? `found ${runbook}` : `none of ${RUNBOOKS.join(', ')}`,
      ),
      known(
        ref,
        'repo.hasCodeowners',
        Boolean(codeowners),
        codeowners
          ? `found ${codeowners}`
          : `no CODEOWNERS naming an owner in ${CODEOWNERS.join(', ')}`,
      ),
      known(
        ref,
        'repo.ciImageScan',
        Boolean(scanning),
        describeScan(scanning, workflows),
      ),
      chart.length === 0
        ? known(
            ref,
            'repo.chartSecurityContext',
            false,
            'no Helm chart templates under chart/templates',
          )
        : known(
            ref,
            'repo.chartSecurityContext',
            missing.length === 0,
            missing.length === 0
              ? 'all three settings present'
              : `missing in chart/templates: ${missing.join(', ')}`,
          ),
    ];
  }
}
