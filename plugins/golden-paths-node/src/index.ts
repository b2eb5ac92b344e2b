/**
 * What the golden paths' backend packages share (the scaffolder module and the golden-paths
 * backend): their settings, the service-name check, and who may act for a team.
 *
 * @packageDocumentation
 */
export {
  PUBLISH_TARGETS,
  readGoldenPathSettings,
} from './settings/goldenPathSettings';
export type {
  GoldenPathSettings,
  PublishTarget,
  RemotePublishSettings,
} from './settings/goldenPathSettings';
export {
  NAMESPACE_PATTERN,
  ServiceNameCheck,
} from './serviceNames/ServiceNameCheck';
export { TeamMembership } from './ownership/TeamMembership';
