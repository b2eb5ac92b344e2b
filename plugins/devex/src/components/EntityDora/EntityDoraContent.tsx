import { useState } from 'react';
import { Box, makeStyles, Typography } from '@material-ui/core';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { DevexScope } from '../../api/DevexApi';
import { rootRouteRef } from '../../routes';
import { customWindow, lastDays, TimeWindow } from '../../window/timeWindow';
import { DoraDashboard } from '../DoraDashboard/DoraDashboard';
import { WindowSelector } from '../WindowSelector/WindowSelector';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  subtitle: { color: theme.palette.text.secondary },
}));

/**
 * The "DORA" tab of a Component (its own deployments) or a Group (pooled over every service it
 * owns, directly or through sub-groups).
 */
export function EntityDoraContent() {
  const classes = useStyles();
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
  const scope: DevexScope = isGroup
    ? { kind: 'group', group: entityRef }
    : { kind: 'entity', entityRef };
  const [window, setWindow] = useState<TimeWindow>(() => lastDays(90));
  const devexLink = useRouteRef(rootRouteRef);
  const drillDownParams = new URLSearchParams(
    isGroup ? { team: entityRef } : { service: entityRef },
  );
  const devexHref = devexLink ? `${devexLink()}?${drillDownParams}` : undefined;

  return (
    <Box>
      <div className={classes.toolbar}>
        <Typography variant="body2" className={classes.subtitle}>
          {isGroup
            ? 'Delivery performance pooled over every service this team owns, directly or through sub-teams.'
            : 'Delivery performance of this service: its production deployments and incidents.'}
          {devexHref && (
            <>
              {' '}
              <Link to={devexHref}>Open in the DevEx dashboard</Link>
            </>
          )}
        </Typography>
        <WindowSelector
          window={window}
          onPreset={preset => setWindow(lastDays(Number(preset)))}
          onCustom={(fromDay, toDay) => {
            const custom = customWindow(fromDay, toDay);
            if (custom) setWindow(custom);
          }}
        />
      </div>
      <DoraDashboard scope={scope} window={window} showMeasures={false} />
    </Box>
  );
}
