import { Link, useSidebarOpenState } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  root: {
    width: '100%',
    height: 3 * 26,
    display: 'flex',
    alignItems: 'center',
    marginBottom: -14,
    paddingLeft: 24,
  },
  link: {
    display: 'flex',
    alignItems: 'center',
    gap: 10,
    color: '#fff',
    textDecoration: 'none',
    fontWeight: 700,
    fontSize: 22,
    letterSpacing: 0.5,
  },
});

/** A road of three lanes: Paved's mark, drawn here so the app ships no image assets. */
const PavedMark = () => (
  <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
    <rect x="1" y="1" width="26" height="26" rx="6" fill="#1f5493" />
    <path d="M9 24 L12 4 M19 24 L16 4" stroke="#fff" strokeWidth="2.2" />
    <path d="M14 6 v3 M14 12 v3 M14 18 v3" stroke="#9cc3ff" strokeWidth="2" />
  </svg>
);

export const PavedLogo = () => {
  const classes = useStyles();
  const { isOpen } = useSidebarOpenState();
  return (
    <div className={classes.root}>
      <Link to="/" underline="none" className={classes.link} aria-label="Home">
        <PavedMark />
        {isOpen && <span>Paved</span>}
      </Link>
    </div>
  );
};
