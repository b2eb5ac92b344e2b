/**
 * Golden-path lineage cards for Paved's catalog pages.
 *
 * @packageDocumentation
 */
export { goldenPathsPlugin as default } from './plugin';
export {
  TEMPLATE_ANNOTATION,
  TEMPLATE_VERSION_ANNOTATION,
  isOutdated,
} from './lineage';
