import { z } from 'zod/v3';

/**
 * Where a generated repository records how it was made: the template, its version and the inputs
 * its `fetch:template` step rendered with. Written by the template itself (every service skeleton
 * has it), read to render the next version with the same inputs.
 */
export const LINEAGE_FILE = '.paved/template.yaml';

/**
 * The branch of a generated repository that holds the template's pristine output: created at the
 * repository's first commit, advanced by one commit per upgrade. Merging it into the default
 * branch is a three-way merge whose base is the previous pristine output, so local edits survive.
 */
export const TEMPLATE_BRANCH = 'paved/template';

/** The branch an upgrade to `version` is proposed from, e.g. `paved/upgrade-1.1.0`. */
export function upgradeBranchName(version: string): string {
  return `paved/upgrade-${version}`;
}

/** Git trailer on the `paved/template` commit of each rendered version. */
export const TEMPLATE_VERSION_TRAILER = 'Paved-Template-Version';

/** The contents of {@link LINEAGE_FILE}. */
export const templateLineageFileSchema = z.object({
  apiVersion: z.literal('paved.dev/v1alpha1'),
  kind: z.literal('TemplateLineage'),
  /** Entity ref of the template, e.g. `template:default/typescript-service`. */
  template: z
    .string()
    .regex(
      /^template:[a-z0-9][-a-z0-9_.]*\/[A-Za-z0-9][-A-Za-z0-9_.]*$/i,
      'must be a full template entity ref such as template:default/name',
    ),
  /** The version last rendered into the repository. */
  version: z.string().min(1).max(50),
  /** The values of the template's `fetch:template` step, as it rendered them. */
  inputs: z.record(z.unknown()),
});

export type TemplateLineageFile = z.infer<typeof templateLineageFileSchema>;
