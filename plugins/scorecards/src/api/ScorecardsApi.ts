import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  CampaignWithProgress,
  ChecksResponse,
  CreateCampaignRequest,
  CreateExemptionRequest,
  EntityListResponse,
  EntityScorecardsResponse,
  Exemption,
  FixAttempt,
  OrganizationScorecardsResponse,
  ReviewExemptionRequest,
  ScorecardLevel,
  TeamScorecardsResponse,
} from '@paved/plugin-scorecards-common';

/** The scorecards backend (`/api/scorecards`), as the portal uses it. */
export interface ScorecardsApi {
  getEntity(entityRef: string): Promise<EntityScorecardsResponse>;
  refreshEntity(entityRef: string): Promise<EntityScorecardsResponse>;
  startFix(entityRef: string, checkId: string): Promise<FixAttempt>;
  listEntities(query: {
    owners?: string[];
    below?: ScorecardLevel;
  }): Promise<EntityListResponse>;
  getTeam(teamRef: string): Promise<TeamScorecardsResponse>;
  getOrganization(): Promise<OrganizationScorecardsResponse>;
  getChecks(): Promise<ChecksResponse>;
  listExemptions(query?: {
    entityRef?: string;
    status?: Exemption['status'];
  }): Promise<{ items: Exemption[] }>;
  requestExemption(body: CreateExemptionRequest): Promise<Exemption>;
  reviewExemption(id: string, body: ReviewExemptionRequest): Promise<Exemption>;
  listCampaigns(): Promise<{ items: CampaignWithProgress[] }>;
  getCampaign(id: string): Promise<CampaignWithProgress>;
  createCampaign(body: CreateCampaignRequest): Promise<CampaignWithProgress>;
}

export const scorecardsApiRef = createApiRef<ScorecardsApi>({
  id: 'plugin.scorecards.api',
});
