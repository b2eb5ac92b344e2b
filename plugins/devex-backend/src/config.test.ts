import { ConfigReader } from '@backstage/config';
import { defaultLevelBands } from '@paved/plugin-devex-common';
import { readDevexConfig } from './config';

describe('readDevexConfig', () => {
  it('uses the DORA 2023 bands by default', () => {
    const config = readDevexConfig(new ConfigReader({}));
    expect(config.bands).toEqual(defaultLevelBands);
    expect(config.defaultTimeZone).toBe('UTC');
    expect(config.seedDemoData).toBe(false);
    expect(config.minimumRespondents).toBe(5);
  });

  it('reads bands, team time zones and GitHub settings', () => {
    const config = readDevexConfig(
      new ConfigReader({
        devex: {
          levelBands: { leadTime: { elite: 12 } },
          teamTimeZones: [
            { group: 'group:default/Payments', timeZone: 'Europe/Berlin' },
          ],
          github: { deploymentWorkflowPattern: '^ship$' },
        },
      }),
    );
    expect(config.bands.leadTime).toEqual({
      ...defaultLevelBands.leadTime,
      elite: 12,
    });
    expect(config.teamTimeZones.get('group:default/payments')).toBe(
      'Europe/Berlin',
    );
    expect(config.deploymentWorkflows.test('Ship')).toBe(true);
    expect(config.deploymentWorkflows.test('ship it')).toBe(false);
  });

  it('refuses an unknown time zone at start-up', () => {
    expect(() =>
      readDevexConfig(
        new ConfigReader({ devex: { timeZone: 'Mars/Olympus' } }),
      ),
    ).toThrow('devex.timeZone: "Mars/Olympus" is not an IANA time zone');
  });
});
