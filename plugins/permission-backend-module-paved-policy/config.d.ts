export interface Config {
  permission?: {
    paved?: {
      /** Further users or groups with the platform team's rights (for example in development). */
      approvers?: string[];
    };
  };
}
