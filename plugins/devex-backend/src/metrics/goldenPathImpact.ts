import {
  DoraScope,
  ImpactCohort,
  ImpactMeasure,
  ImpactResponse,
  median,
  ratio,
} from '@paved/plugin-devex-common';
import { compareTemplateVersions } from '@paved/plugin-golden-paths-common';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { DoraStore, TimeWindow } from '../database/DoraStore';
import { ImpactStore } from '../database/ImpactStore';
import { PlatformMeasuresStore } from '../database/PlatformMeasuresStore';

const HOUR_MS = 3_600_000;
const WEEK_MS = 7 * 24 * HOUR_MS;
/** The version cohort of services whose lineage names no version. */
export const UNKNOWN_VERSION = 'unknown';

interface Cohort {
  key: string;
  kind: ImpactCohort['kind'];
  templateRef: string | null;
  templateVersion: string | null;
  services: string[];
}

/** Newest version first; versions that do not parse (and `unknown`) last. */
const byVersion = (a: string, b: string) => compareTemplateVersions(b, a);

/**
 * Cohorts by lineage (the golden-path annotations of each component in the catalog): each
 * template, each of its versions, and the services made from no template. Templates with the
 * most services come first, each followed by its versions, newest first; no template last.
 */
function cohortsOf(
  components: Array<{
    entityRef: string;
    templateRef: string | null;
    templateVersion: string | null;
  }>,
): Cohort[] {
  const templates = new Map<string, Map<string, string[]>>();
  const none: string[] = [];
  for (const c of components) {
    if (!c.templateRef) {
      none.push(c.entityRef);
      continue;
    }
    const versions = templates.get(c.templateRef) ?? new Map();
    const version = c.templateVersion ?? UNKNOWN_VERSION;
    versions.set(version, [...(versions.get(version) ?? []), c.entityRef]);
    templates.set(c.templateRef, versions);
  }
  const size = (v: Map<string, string[]>) =>
    [...v.values()].reduce((n, s) => n + s.length, 0);
  const cohorts: Cohort[] = [];
  for (const [templateRef, versions] of [...templates.entries()].sort(
    (a, b) => size(b[1]) - size(a[1]) || a[0].localeCompare(b[0], 'en-US'),
  )) {
    cohorts.push({
      key: `template\u0000${templateRef}`,
      kind: 'template',
      templateRef,
      templateVersion: null,
      services: [...versions.values()].flat(),
    });
    for (const version of [...versions.keys()].sort(byVersion)) {
      cohorts.push({
        key: `version\u0000${templateRef}\u0000${version}`,
        kind: 'templateVersion',
        templateRef,
        templateVersion: version,
        services: versions.get(version)!,
      });
    }
  }
  cohorts.push({
    key: 'none',
    kind: 'none',
    templateRef: null,
    templateVersion: null,
    services: none,
  });
  return cohorts;
}

/**
 * `GET /impact`: DORA metrics and time to first deployment per golden-path cohort. A measure
 * with fewer samples than `minimumSamples` is withheld (value null, tooFewSamples) rather than
 * shown beside another it cannot honestly be compared with.
 */
export async function goldenPathImpact(options: {
  impact: ImpactStore;
  dora: DoraStore;
  measures: PlatformMeasuresStore;
  directory: ServiceDirectory;
  scope: DoraScope;
  services?: string[];
  window: TimeWindow;
  minimumSamples: number;
}): Promise<ImpactResponse> {
  const { impact, dora, measures, directory, window, minimumSamples } = options;
  const inScope = options.services ? new Set(options.services) : undefined;
  const components = (await directory.components()).filter(
    c => !inScope || inScope.has(c.entityRef),
  );
  const cohorts = cohortsOf(components);

  const creations = (await measures.listServiceCreations()).filter(
    c =>
      c.createdAt >= window.from &&
      c.createdAt < window.to &&
      (!inScope || inScope.has(c.entityRef)),
  );
  const [aggregates, firstDeployments] = await Promise.all([
    impact.cohortAggregates(
      new Map(cohorts.map(c => [c.key, c.services])),
      window,
      [0.5],
    ),
    dora.firstProductionDeployments(creations.map(c => c.entityRef)),
  ]);
  // Hours from creation to first production deployment, per service (a deployment before the
  // recorded creation, e.g. an adopted older service, is no sample).
  const timeToFirst = new Map<string, number>();
  for (const c of creations) {
    const first = firstDeployments.get(c.entityRef);
    if (first !== undefined && first > c.createdAt) {
      timeToFirst.set(c.entityRef, (first - c.createdAt) / HOUR_MS);
    }
  }

  const measure = (value: number | null, samples: number): ImpactMeasure => {
    const tooFewSamples = samples < minimumSamples;
    return { value: tooFewSamples ? null : value, samples, tooFewSamples };
  };
  const weeks = (window.to - window.from) / WEEK_MS;

  return {
    scope: options.scope,
    window: {
      from: new Date(window.from).toISOString(),
      to: new Date(window.to).toISOString(),
    },
    minimumSamples,
    cohorts: cohorts.map(cohort => {
      const a = aggregates.get(cohort.key);
      const deployments = a?.deployments ?? 0;
      const ttfd = cohort.services
        .map(s => timeToFirst.get(s))
        .filter((h): h is number => h !== undefined);
      const hours = (ms: number | null | undefined) =>
        ms === null || ms === undefined ? null : ms / HOUR_MS;
      return {
        kind: cohort.kind,
        templateRef: cohort.templateRef,
        templateVersion: cohort.templateVersion,
        services: cohort.services.length,
        deployments,
        deploymentFrequency: measure(
          cohort.services.length > 0
            ? deployments / cohort.services.length / weeks
            : null,
          cohort.services.length,
        ),
        leadTimeHours: measure(
          hours(a?.leadTime.values[0]),
          a?.leadTime.samples ?? 0,
        ),
        changeFailureRate: measure(
          ratio(a?.failedDeployments ?? 0, deployments),
          deployments,
        ),
        recoveryTimeHours: measure(
          hours(a?.recovery.values[0]),
          a?.recovery.samples ?? 0,
        ),
        timeToFirstDeploymentHours: measure(median(ttfd), ttfd.length),
      };
    }),
  };
}
