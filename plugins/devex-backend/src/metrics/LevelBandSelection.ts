import { NotAllowedError } from '@backstage/errors';
import {
  LevelBandReport,
  LevelBandSelectionResponse,
  LevelBandSet,
  isLevelBandReport,
  levelBandReports,
  levelBandSets,
} from '@paved/plugin-devex-common';
import { OrganisationSettingsStore } from '../database/OrganisationSettingsStore';
import { ServiceDirectory } from '../catalog/ServiceDirectory';
import { BandOverride, withBandOverrides } from '../config';

const SETTING = 'level-bands';

/** The band set in use, as the API and the badge describe it. */
export type SelectedBandSet = LevelBandSet & { adjusted: boolean };

/**
 * Which DORA report's level bands judge the organisation's metrics: configuration gives the
 * default; the platform team may choose another in the portal. Thresholds overridden in
 * configuration apply to the chosen report (the badge then says "adjusted").
 */
export class LevelBandSelection {
  constructor(
    private readonly options: {
      settings: OrganisationSettingsStore;
      directory: ServiceDirectory;
      platformTeam: string;
      defaultReport: LevelBandReport;
      overrides: BandOverride[];
    },
  ) {}

  private describe(report: LevelBandReport): SelectedBandSet {
    const set = levelBandSets[report];
    const adjusted = set.bands !== null && this.options.overrides.length > 0;
    return {
      ...set,
      bands: set.bands && withBandOverrides(set.bands, this.options.overrides),
      adjusted,
    };
  }

  async current(): Promise<SelectedBandSet> {
    const chosen = await this.options.settings.organisationSetting(SETTING);
    const report =
      chosen && isLevelBandReport(chosen.value)
        ? chosen.value
        : this.options.defaultReport;
    return this.describe(report);
  }

  async selection(): Promise<LevelBandSelectionResponse> {
    const chosen = await this.options.settings.organisationSetting(SETTING);
    return {
      selected: await this.current(),
      chosenBy: chosen?.updatedBy ?? null,
      chosenAt: chosen ? new Date(chosen.updatedAt).toISOString() : null,
      available: levelBandReports.map(r => this.describe(r)),
    };
  }

  /** Only members of the platform team choose for the organisation. */
  async choose(
    report: LevelBandReport,
    userRef: string,
  ): Promise<LevelBandSelectionResponse> {
    const allowed = await this.options.directory.isMemberOf(
      userRef,
      this.options.platformTeam,
    );
    if (!allowed) {
      throw new NotAllowedError(
        'level bands: only the platform team chooses the report for the organisation (rule: platform-team)',
      );
    }
    await this.options.settings.setOrganisationSetting(SETTING, {
      value: report,
      updatedBy: userRef,
      updatedAt: Date.now(),
    });
    return this.selection();
  }
}
