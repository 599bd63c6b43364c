import type { FieldErrors } from '../lib/api';
import type { StageDraft } from './pipeline-draft';
import type { Stage } from './types';

/** Stages the edit deletes: for each, the kept stage its deals move to (needed only when it holds deals). */
export function RemovedStages({
  removed,
  targets,
  moveDeals,
  errors,
  onChange,
}: {
  removed: Stage[];
  targets: StageDraft[];
  moveDeals: Record<string, string>;
  errors: FieldErrors;
  onChange: (stageId: string, targetId: string) => void;
}) {
  if (!removed.length) return null;
  return (
    <fieldset className="removed-stages">
      <legend>Stages to delete</legend>
      <p className="muted">Deals on a deleted stage move to the stage you pick. A stage without deals needs no pick.</p>
      {removed.map((s) => {
        const error = errors[`move_deals.${s.id}`]?.join('; ');
        return (
          <div key={s.id} className={`field${error ? ' has-error' : ''}`}>
            <label htmlFor={`move-${s.id}`}>Move the deals of {s.name} to</label>
            <select id={`move-${s.id}`} value={moveDeals[s.id] ?? ''} onChange={(e) => onChange(s.id, e.target.value)}>
              <option value="">(it holds no deals)</option>
              {targets.map((t) => (
                <option key={t.key} value={t.id}>
                  {t.name.trim() || t.id}
                </option>
              ))}
            </select>
            {error && <span className="field-error">{error}</span>}
          </div>
        );
      })}
    </fieldset>
  );
}
