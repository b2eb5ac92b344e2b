import Step from '@material-ui/core/Step';
import StepContent from '@material-ui/core/StepContent';
import StepLabel from '@material-ui/core/StepLabel';
import Stepper from '@material-ui/core/Stepper';
import Typography from '@material-ui/core/Typography';
import type {
  DatabaseRequestEvent,
  DatabaseRequestStatus,
} from '@paved/plugin-provisioning-common';
import { statusLabel } from '../common/StatusChip';
import { formatTimestamp } from '../common/format';

const FAILED: DatabaseRequestStatus[] = ['failed', 'rejected'];

/**
 * The request's life so far: each status change with who or what caused it and why, newest last,
 * plus the provider's latest progress message while it is still working.
 */
export const StatusTimeline = ({
  events,
  inProgress,
}: {
  events: DatabaseRequestEvent[];
  inProgress: boolean;
}) => {
  const transitions = events.filter(e => e.toStatus);
  const latest = events[events.length - 1];
  const latestProgress =
    inProgress && latest && !latest.toStatus ? latest : undefined;
  return (
    <Stepper
      orientation="vertical"
      activeStep={transitions.length - 1}
      aria-label="Status timeline"
    >
      {transitions.map(event => (
        <Step key={event.id} completed expanded>
          <StepLabel error={FAILED.includes(event.toStatus!)}>
            {statusLabel(event.toStatus!)}{' '}
            <Typography
              component="span"
              variant="caption"
              color="textSecondary"
            >
              {formatTimestamp(event.createdAt)} · {event.actor}
            </Typography>
          </StepLabel>
          <StepContent>
            {event.message && (
              <Typography variant="body2" color="textSecondary">
                {event.message}
              </Typography>
            )}
          </StepContent>
        </Step>
      ))}
      {latestProgress && (
        <Step key="progress" active expanded>
          <StepLabel>
            {latestProgress.action}{' '}
            <Typography
              component="span"
              variant="caption"
              color="textSecondary"
            >
              {formatTimestamp(latestProgress.createdAt)}
            </Typography>
          </StepLabel>
          <StepContent>
            <Typography variant="body2" color="textSecondary">
              {latestProgress.message}
            </Typography>
          </StepContent>
        </Step>
      )}
    </Stepper>
  );
};
