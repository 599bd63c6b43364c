import { Button } from '../components/ui';
import type { FieldErrors } from '../lib/api';
import type { StageDraft } from './pipeline-draft';
import type { StageKind } from './types';

const kinds: { value: StageKind; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

/** The ordered stages of a pipeline: each row a name, a kind and a win probability, with buttons to reorder and remove. */
export function StageList({
  stages,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  stages: StageDraft[];
  errors: FieldErrors;
  onChange: (index: number, change: Partial<Pick<StageDraft, 'name' | 'percent' | 'kind'>>) => void;
  onMove: (index: number, delta: number) => void;
  onRemove: (index: number) => void;
}) {
  const error = (i: number, field: string) => errors[`stages.${i}.${field}`]?.join('; ');
  return (
    <ol className="stage-list">
      {stages.map((s, i) => {
        const label = s.name.trim() || `stage ${i + 1}`;
        const id = `stage-${s.key}`;
        return (
          <li key={s.key} className="stage-row">
            <div className={`field${error(i, 'name') ? ' has-error' : ''}`}>
              <label htmlFor={`${id}-name`}>Stage {i + 1} name</label>
              <input id={`${id}-name`} value={s.name} maxLength={255} onChange={(e) => onChange(i, { name: e.target.value })} aria-describedby={error(i, 'name') ? `${id}-name-error` : undefined} />
              {error(i, 'name') && (
                <span className="field-error" id={`${id}-name-error`}>
                  {error(i, 'name')}
                </span>
              )}
            </div>
            <div className={`field${error(i, 'kind') ? ' has-error' : ''}`}>
              <label htmlFor={`${id}-kind`}>Stage {i + 1} kind</label>
              <select id={`${id}-kind`} value={s.kind} onChange={(e) => onChange(i, { kind: e.target.value as StageKind })}>
                {kinds.map((k) => (
                  <option key={k.value} value={k.value}>
                    {k.label}
                  </option>
                ))}
              </select>
              {error(i, 'kind') && <span className="field-error">{error(i, 'kind')}</span>}
            </div>
            <div className={`field${error(i, 'probability') ? ' has-error' : ''}`}>
              <label htmlFor={`${id}-prob`}>Stage {i + 1} win probability (%)</label>
              <input id={`${id}-prob`} inputMode="decimal" value={s.percent} disabled={s.kind !== 'open'} onChange={(e) => onChange(i, { percent: e.target.value })} />
              {error(i, 'probability') && <span className="field-error">{error(i, 'probability')}</span>}
            </div>
            <div className="stage-row-actions">
              <Button size="sm" variant="ghost" onClick={() => onMove(i, -1)} disabled={i === 0} aria-label={`Move ${label} up`}>
                ↑
              </Button>
              <Button size="sm" variant="ghost" onClick={() => onMove(i, 1)} disabled={i === stages.length - 1} aria-label={`Move ${label} down`}>
                ↓
              </Button>
              <Button size="sm" variant="ghost" icon="trash" onClick={() => onRemove(i)} aria-label={`Remove ${label}`} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
