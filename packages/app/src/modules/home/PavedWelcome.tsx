import { Link } from '@backstage/core-components';
import { List, ListItem, ListItemText, Typography } from '@material-ui/core';

const paths = [
  {
    title: 'Create a service',
    to: '/create',
    text: 'TypeScript, Python or Go: repository, CI/CD, Dockerfile, Helm chart, docs and catalog entry in one go.',
  },
  {
    title: 'Request a database',
    to: '/create/templates/default/postgresql-database',
    text: 'PostgreSQL for development, staging or production, checked by guardrails and tracked until it is ready.',
  },
  {
    title: 'Browse the catalog',
    to: '/catalog',
    text: 'Every group, system, component, API and resource, with owners and relations.',
  },
  {
    title: 'Read the handbook',
    to: '/docs/default/component/paved',
    text: 'What the platform offers and how each golden path works.',
  },
  {
    title: 'See delivery performance',
    to: '/devex',
    text: 'DORA metrics and developer experience per organisation, team and service.',
  },
];

export const PavedWelcome = () => (
  <>
    <Typography variant="body1">
      Paved is our internal developer platform: self-service golden paths
      instead of tickets.
    </Typography>
    <List dense>
      {paths.map(p => (
        <ListItem key={p.to} disableGutters>
          <ListItemText
            primary={<Link to={p.to}>{p.title}</Link>}
            secondary={p.text}
          />
        </ListItem>
      ))}
    </List>
  </>
);
