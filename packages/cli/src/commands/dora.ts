import { Command, InvalidArgumentError } from 'commander';
import type { DoraMetricsResponse } from '@paved/plugin-devex-common';
import { toEntityRef } from '../catalog/entityRefs';
import { CliError, EXIT_BAD_INPUT } from '../errors';
import { CommandContext } from '../program';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `90d`, `12w` or `24h` as milliseconds. */
export function parseWindow(value: string): number {
  const match = /^(\d{1,4})([hdw])$/.exec(value.trim());
  if (!match || Number(match[1]) === 0) {
    throw new InvalidArgumentError(
      'must be a number of hours, days or weeks, such as 24h, 90d or 12w',
    );
  }
  const unit = { h: DAY_MS / 24, d: DAY_MS, w: 7 * DAY_MS }[
    match[2] as 'h' | 'd' | 'w'
  ];
  return Number(match[1]) * unit;
}

function hours(value: number | null): string {
  if (value === null) return 'no data';
  return value < 48
    ? `${value.toFixed(1)} h`
    : `${(value / 24).toFixed(1)} days`;
}
const percent = (value: number | null) =>
  value === null ? 'no data' : `${(value * 100).toFixed(1)} %`;

export function registerDoraCommands(
  program: Command,
  context: CommandContext,
): void {
  program
    .command('dora')
    .description(
      'DORA measures (deployment frequency, lead time, change failure rate, recovery time, rework) for the organisation, a team or a service',
    )
    .option('--team <group>', 'a team, e.g. payments')
    .option(
      '--service <ref>',
      'a service, e.g. payments-api or component:default/payments-api',
    )
    .option(
      '--window <span>',
      'how far back: 24h, 90d, 12w',
      parseWindow,
      90 * DAY_MS,
    )
    .addHelpText(
      'after',
      `
Medians, not averages; "no data" where nothing was measured (never a zero that reads as elite).
Levels follow the DORA report's bands. Numbers from demo data are labelled as such.

Examples:
  $ platform dora                                   # the whole organisation, last 90 days
  $ platform dora --team payments --window 30d
  $ platform dora --service payments-api --json`,
    )
    .action(async (options, command: Command) => {
      if (options.team && options.service) {
        throw new CliError(
          '--team and --service: give one of them, not both',
          EXIT_BAD_INPUT,
        );
      }
      const to = Date.now();
      const report = await (
        await context.portal()
      ).get<DoraMetricsResponse>('devex', '/dora', {
        group: options.team
          ? toEntityRef('--team', options.team, 'group')
          : undefined,
        entityRef: options.service
          ? toEntityRef('--service', options.service, 'component')
          : undefined,
        from: new Date(to - options.window).toISOString(),
        to: new Date(to).toISOString(),
      });
      const { terminal } = context;
      if (context.json(command)) {
        terminal.json(report);
        return;
      }
      let scope = 'the organisation';
      if (report.scope.kind === 'group') {
        scope = `${report.scope.group} (${report.scope.services.length} services)`;
      } else if (report.scope.kind === 'entity') {
        scope = report.scope.entityRef;
      }
      terminal.print(
        `DORA for ${scope}, ${report.window.from.slice(
          0,
          10,
        )} to ${report.window.to.slice(0, 10)}${
          report.demo ? '  [includes DEMO data]' : ''
        }`,
      );
      const level = (value: string | null) => value ?? '-';
      terminal.table(
        [
          { header: 'MEASURE', value: (r: string[]) => r[0] },
          { header: 'VALUE', value: r => r[1] },
          { header: 'LEVEL', value: r => r[2] },
          { header: 'SAMPLES', value: r => r[3] },
        ],
        [
          [
            'Deployment frequency',
            `${report.deploymentFrequency.perWeek.toFixed(1)} / week`,
            level(report.deploymentFrequency.level),
            String(report.deploymentFrequency.deployments),
          ],
          [
            'Lead time (median)',
            hours(report.leadTime.medianHours),
            level(report.leadTime.level),
            String(report.leadTime.samples),
          ],
          [
            'Change failure rate',
            percent(report.changeFailureRate.ratio),
            level(report.changeFailureRate.level),
            String(report.changeFailureRate.deployments),
          ],
          [
            'Recovery time (median)',
            hours(report.recoveryTime.medianHours),
            level(report.recoveryTime.level),
            `${report.recoveryTime.samples} (${report.recoveryTime.open} open)`,
          ],
          [
            'Rework rate',
            percent(report.reworkRate.ratio),
            '-',
            String(report.reworkRate.deployments),
          ],
        ],
      );
      if (report.sources.length) {
        terminal.print(
          terminal.dim(
            `Sources: ${report.sources.join(', ')}; bands: DORA ${
              report.reportYear
            }`,
          ),
        );
      }
    });
}
