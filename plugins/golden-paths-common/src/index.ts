/**
 * The contracts of Paved's golden paths that other packages use: the lineage annotations a
 * generated component carries, the service-created event, and the service-name answer.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './events';
export * from './lineageFile';
export * from './upgrades';
export * from './serviceNames';
export * from './client/GoldenPathsClient';
export type {
  paths as GoldenPathsOpenApiPaths,
  components as GoldenPathsOpenApiComponents,
} from './schema/openapi.generated';
