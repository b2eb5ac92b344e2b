/** A setting chosen for the whole organisation, and by whom. */
export interface OrganisationSetting {
  value: string;
  updatedBy: string;
  /** Epoch ms. */
  updatedAt: number;
}

/** Organisation-wide settings chosen in the portal (configuration holds the defaults). */
export interface OrganisationSettingsStore {
  organisationSetting(name: string): Promise<OrganisationSetting | undefined>;
  setOrganisationSetting(
    name: string,
    setting: OrganisationSetting,
  ): Promise<void>;
}
