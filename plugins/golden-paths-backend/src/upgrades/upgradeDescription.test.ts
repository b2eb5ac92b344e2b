import { describeUpgrade } from './upgradeDescription';

const upgrade = {
  templateRef: 'template:default/go-service',
  fromVersion: '1.0.0',
  toVersion: '1.1.0',
  conflicts: [],
};

describe('describeUpgrade', () => {
  it('names new inputs that got a default, and puts those left empty on one line', () => {
    const text = describeUpgrade({
      ...upgrade,
      defaulted: ['tier'],
      empty: ['databaseRef', 'databaseName', 'databaseSecret'],
    });
    expect(text.split('\n').slice(-3)).toEqual([
      'New inputs of 1.1.0, rendered with their default (change them in `.paved/template.yaml` if that is not what you want): `tier`.',
      '',
      '3 optional inputs left empty: `databaseRef`, `databaseName`, `databaseSecret`.',
    ]);
    expect(text).not.toContain('rendered empty');
  });

  it('counts a single input left empty in the singular, and says nothing of defaults when there are none', () => {
    const text = describeUpgrade({
      ...upgrade,
      defaulted: [],
      empty: ['databaseRef'],
    });
    expect(text.split('\n').slice(-3)).toEqual([
      'It merged cleanly: review the diff and merge.',
      '',
      '1 optional input left empty: `databaseRef`.',
    ]);
    expect(text).not.toContain('New inputs');
  });

  it('lists conflicts first, and no input lines when the version adds none', () => {
    const text = describeUpgrade({
      ...upgrade,
      conflicts: ['docs/runbook.md'],
      defaulted: [],
      empty: [],
    });
    expect(text).toContain('**Needs attention**');
    expect(text.endsWith('\n- `docs/runbook.md`')).toBe(true);
    expect(text).not.toMatch(/inputs? left empty|New inputs/);
  });
});
