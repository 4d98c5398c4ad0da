import { useEffect, useState } from 'preact/hooks';
import { KIND_PLURAL } from '../../components/format';
import { ENTITY_KINDS } from '../../lib/schema/kinds';
import { settingsSchema, type Settings } from '../../lib/settings/settings';
import { loadSettings, saveSettings, watchSettings } from '../../lib/settings/storage';

const STYLES: Array<[Settings['highlightStyle'], string]> = [
  ['underline', 'Underline'],
  ['background', 'Background colour'],
  ['none', 'None (cards still open on hover)'],
];
const MARKS: Array<[Settings['marks'], string]> = [
  ['every', 'Every mention'],
  ['first', 'Only the first mention of each name in the article'],
];
const LATER: Array<[Settings['laterFacts'], string]> = [
  ['label', 'Show them, labelled “later”'],
  ['hide', 'Hide them'],
];

/** Settings, saved as soon as they change (and validated first: an invalid value is never written). */
export function SettingsPanel() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [dwell, setDwell] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    loadSettings().then(
      (s) => (setSettings(s), setDwell(String(s.dwellMs))),
      (e: Error) => setError(e.message),
    );
    return watchSettings((s) => setSettings(s));
  }, []);

  async function save(change: Partial<Settings>, what: string): Promise<void> {
    // The whole object is checked: a bad value is shown, never silently replaced by the defaults.
    const checked = settingsSchema().safeParse({ ...settings, ...change });
    if (!checked.success) {
      setError(checked.error.issues[0]?.message ?? 'Invalid value');
      return;
    }
    try {
      setSettings(await saveSettings(change));
      setError(null);
      setSaved(`${what} saved.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  function saveDwell(value: string): void {
    setDwell(value);
    const ms = Number(value);
    if (value.trim() === '' || !Number.isInteger(ms) || ms < 0 || ms > 3000) {
      setError('The hover delay must be a whole number of milliseconds between 0 and 3000.');
      return;
    }
    void save({ dwellMs: ms }, 'Hover delay');
  }

  if (!settings) return <section class="panel">{error ? <p role="alert">{error}</p> : <p class="muted">Loading settings…</p>}</section>;
  return (
    <section aria-labelledby="settings-heading" class="panel settings">
      <h2 id="settings-heading">Settings</h2>
      <p class="visually-hidden" aria-live="polite" data-testid="settings-saved">
        {saved}
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <SiteList
        title="Sites you switched on"
        empty="None. Switch Backstory on for a site from the toolbar popup."
        sites={settings.enabledSites}
        action="Remove"
        onRemove={(site) => void save({ enabledSites: settings.enabledSites.filter((s) => s !== site) }, 'Site list')}
      />
      <SiteList
        title="Sites you switched off"
        empty="None."
        sites={settings.disabledSites}
        action="Switch back on"
        onRemove={(site) => void save({ disabledSites: settings.disabledSites.filter((s) => s !== site) }, 'Site list')}
      />
      <fieldset>
        <legend>Hover delay before a card opens</legend>
        <label>
          Delay (milliseconds)
          <input
            type="number"
            min={0}
            max={3000}
            step={50}
            value={dwell}
            aria-invalid={error?.startsWith('The hover') || undefined}
            onInput={(e) => saveDwell((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          Delay slider
          <input
            type="range"
            min={0}
            max={3000}
            step={50}
            value={settings.dwellMs}
            aria-valuetext={`${settings.dwellMs} milliseconds`}
            onInput={(e) => saveDwell((e.target as HTMLInputElement).value)}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Mark these on pages</legend>
        {ENTITY_KINDS.map((kind) => (
          <label key={kind} class="inline">
            <input
              type="checkbox"
              checked={settings.kinds.includes(kind)}
              onChange={(e) => {
                const on = (e.target as HTMLInputElement).checked;
                void save(
                  {
                    kinds: on
                      ? ENTITY_KINDS.filter((k) => k === kind || settings.kinds.includes(k))
                      : settings.kinds.filter((k) => k !== kind),
                  },
                  'Kinds',
                );
              }}
            />{' '}
            {KIND_PLURAL[kind]}
          </label>
        ))}
      </fieldset>
      <RadioGroup
        legend="Highlight style"
        name="highlight"
        options={STYLES}
        value={settings.highlightStyle}
        onChange={(v) => void save({ highlightStyle: v }, 'Highlight style')}
      />
      <RadioGroup
        legend="Which mentions to mark"
        name="marks"
        options={MARKS}
        value={settings.marks}
        onChange={(v) => void save({ marks: v }, 'Marks')}
      />
      <RadioGroup
        legend="Facts dated after the article"
        name="later"
        options={LATER}
        value={settings.laterFacts}
        onChange={(v) => void save({ laterFacts: v }, 'Later facts')}
      />
    </section>
  );
}

function SiteList({
  title,
  empty,
  sites,
  action,
  onRemove,
}: {
  title: string;
  empty: string;
  sites: string[];
  action: string;
  onRemove(site: string): void;
}) {
  return (
    <fieldset>
      <legend>{title}</legend>
      {sites.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul class="site-list">
          {sites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button type="button" aria-label={`${action}: ${site}`} onClick={() => onRemove(site)}>
                {action}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

function RadioGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: Array<[T, string]>;
  value: T;
  onChange(value: T): void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} class="inline">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}
