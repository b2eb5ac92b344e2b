import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { OverviewTab } from './OverviewTab';
import { TeamHeatMap } from './TeamHeatMap';
import { CampaignsTab } from './CampaignsTab';
import { ChecksTab } from './ChecksTab';
import { ExemptionsTab } from './ExemptionsTab';

/** `/scorecards`: the organisation's levels, teams' heat maps, campaigns, checks and exemptions. */
export function ScorecardsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Scorecards"
        subtitle="Every service measured against the platform's standards, with the fix one click away"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Overview">
          <Content>
            <OverviewTab />
          </Content>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/teams" title="Teams">
          <Content>
            <TeamHeatMap />
          </Content>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/campaigns" title="Campaigns">
          <Content>
            <CampaignsTab />
          </Content>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/checks" title="Checks">
          <Content>
            <ChecksTab />
          </Content>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/exemptions" title="Exemptions">
          <Content>
            <ExemptionsTab />
          </Content>
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
