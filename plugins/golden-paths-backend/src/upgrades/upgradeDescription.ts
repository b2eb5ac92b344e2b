import { TEMPLATE_BRANCH } from '@paved/plugin-golden-paths-common';

const names = (inputs: string[]) => inputs.map(n => `\`${n}\``).join(', ');

/**
 * The description of an upgrade's change request (Markdown): how it was made, its conflicts, and
 * the new inputs a reviewer should look at. New inputs that render empty (a step's output such as
 * `databaseRef` for a service without a database, an optional parameter whose default is empty)
 * are what a service made today without them would get, so they share one line instead of a
 * paragraph each. Required inputs without a default never get here: the proposal waits for them.
 */
export function describeUpgrade(options: {
  templateRef: string;
  fromVersion: string;
  toVersion: string;
  conflicts: string[];
  /** New inputs rendered with a non-empty default. */
  defaulted: string[];
  /** New inputs rendered empty. */
  empty: string[];
}): string {
  const { templateRef, fromVersion, toVersion, conflicts, defaulted, empty } =
    options;
  return [
    `Paved rendered **${toVersion}** of \`${templateRef}\` with the inputs recorded in`,
    `\`.paved/template.yaml\` onto \`${TEMPLATE_BRANCH}\` and merged it into this branch. The merge`,
    `is three-way (its base is the ${fromVersion} output), so your changes since are kept.`,
    '',
    conflicts.length > 0
      ? [
          '**Needs attention**: these files conflict and were committed with their markers.',
          'Resolve them on this branch (clone it, fix, push), then merge:',
          '',
          ...conflicts.map(file => `- \`${file}\``),
        ].join('\n')
      : 'It merged cleanly: review the diff and merge.',
    ...(defaulted.length > 0
      ? [
          '',
          `New inputs of ${toVersion}, rendered with their default (change them in \`.paved/template.yaml\` if that is not what you want): ${names(
            defaulted,
          )}.`,
        ]
      : []),
    ...(empty.length > 0
      ? [
          '',
          `${empty.length} optional ${
            empty.length === 1 ? 'input' : 'inputs'
          } left empty: ${names(empty)}.`,
        ]
      : []),
  ].join('\n');
}
