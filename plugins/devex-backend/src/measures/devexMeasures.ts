import {
  DevexMeasuresResponse,
  median,
  ratio,
} from '@paved/plugin-devex-common';
import { DoraStore } from '../database/DoraStore';
import { PlatformMeasuresStore } from '../database/PlatformMeasuresStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';

const HOUR_MS = 3_600_000;

/**
 * Golden-path and self-service measures for a scope (`services` undefined = organisation).
 */
export async function devexMeasures(options: {
  dora: DoraStore;
  measures: PlatformMeasuresStore;
  directory: ServiceDirectory;
  services?: string[];
}): Promise<DevexMeasuresResponse> {
  const { dora, measures, directory } = options;
  const inScope = options.services ? new Set(options.services) : undefined;

  const creations = (await measures.listServiceCreations()).filter(
    c => !inScope || inScope.has(c.entityRef),
  );
  const firstDeployments = await dora.firstProductionDeployments(
    creations.map(c => c.entityRef),
  );
  const services = creations
    .map(c => {
      const first = firstDeployments.get(c.entityRef);
      // A deployment before the recorded creation (e.g. an adopted, older service) is no sample.
      const hours =
        first !== undefined && first > c.createdAt
          ? (first - c.createdAt) / HOUR_MS
          : null;
      return {
        entityRef: c.entityRef,
        templateRef: c.templateRef,
        templateVersion: c.templateVersion,
        createdAt: new Date(c.createdAt).toISOString(),
        firstDeploymentAt:
          first === undefined ? null : new Date(first).toISOString(),
        hours,
      };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const samples = services
    .map(s => s.hours)
    .filter((h): h is number => h !== null);

  const provisioning = await measures.provisioningCounts();

  const components = (await directory.components()).filter(
    c => !inScope || inScope.has(c.entityRef),
  );
  const byTemplate = new Map<string, number>();
  for (const c of components) {
    if (c.templateRef)
      byTemplate.set(c.templateRef, (byTemplate.get(c.templateRef) ?? 0) + 1);
  }
  const fromTemplate = [...byTemplate.values()].reduce((a, b) => a + b, 0);

  return {
    timeToFirstDeployment: {
      medianHours: median(samples),
      samples: samples.length,
      pending: services.filter(s => s.firstDeploymentAt === null).length,
      services,
    },
    selfService: {
      ratio: ratio(provisioning.automated, provisioning.total),
      automated: provisioning.automated,
      total: provisioning.total,
    },
    templateAdoption: {
      components: components.length,
      fromTemplate,
      ratio: ratio(fromTemplate, components.length),
      templates: [...byTemplate.entries()]
        .map(([templateRef, count]) => ({ templateRef, components: count }))
        .sort(
          (a, b) =>
            b.components - a.components ||
            a.templateRef.localeCompare(b.templateRef),
        ),
    },
  };
}
