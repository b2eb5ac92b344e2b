import { createPermission } from '@backstage/plugin-permission-common';

/** Ask for an exemption from a check (owners; the platform team reviews). */
export const scorecardsExemptionCreatePermission = createPermission({
  name: 'scorecards.exemption.create',
  attributes: { action: 'create' },
});

/** Approve or reject an exemption; besides this permission, only the platform team may, and never for itself. */
export const scorecardsExemptionReviewPermission = createPermission({
  name: 'scorecards.exemption.review',
  attributes: { action: 'update' },
});

/** Create, change or end a campaign. */
export const scorecardsCampaignManagePermission = createPermission({
  name: 'scorecards.campaign.manage',
  attributes: { action: 'update' },
});

/** Start a fixer ("Fix it") for an entity; the fixer then acts with the user's own rights. */
export const scorecardsFixStartPermission = createPermission({
  name: 'scorecards.fix.start',
  attributes: { action: 'create' },
});

export const scorecardsPermissions = [
  scorecardsExemptionCreatePermission,
  scorecardsExemptionReviewPermission,
  scorecardsCampaignManagePermission,
  scorecardsFixStartPermission,
];
