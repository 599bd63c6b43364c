import { useState, type FormEvent } from 'react';
import { Button, FormError } from '../components/ui';
import { ApiError, type FieldErrors } from '../lib/api';
import { RemovedStages } from './RemovedStages';
import { StageList } from './StageList';
import {
  addStage,
  draftOf,
  moveStage,
  moveTargets,
  removedStages,
  removeStage,
  toRequestBody,
  updateStage,
  type PipelineCreateBody,
  type PipelineDraft,
  type PipelineUpdateBody,
} from './pipeline-draft';
import type { Pipeline } from './types';

/**
 * Creates a pipeline (no `pipeline`) or edits one: its name, rules and ordered stages. Checks what it
 * can before saving; the API's field errors (400) show next to the field they name.
 */
export function PipelineForm({ pipeline, onSubmit, onCancel }: { pipeline?: Pipeline; onSubmit: (body: PipelineCreateBody & PipelineUpdateBody) => Promise<void>; onCancel?: () => void }) {
  const [draft, setDraft] = useState<PipelineDraft>(() => draftOf(pipeline));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const setStages = (stages: PipelineDraft['stages']) => setDraft((d) => ({ ...d, stages }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = toRequestBody(draft, pipeline);
    setError(null);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await onSubmit(result.body);
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setErrors(err.fields);
    } finally {
      setBusy(false);
    }
  };
  const message = (key: string) => errors[key]?.join('; ');
  return (
    <form onSubmit={submit} className="stack pipeline-form" noValidate>
      <div className={`field${message('name') ? ' has-error' : ''}`}>
        <label htmlFor="pipeline-name">Pipeline name</label>
        <input id="pipeline-name" value={draft.name} maxLength={255} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        {message('name') && <span className="field-error">{message('name')}</span>}
      </div>
      <div className={`field${message('rotten_days') ? ' has-error' : ''}`}>
        <label htmlFor="pipeline-rotten">Rotten after (days without activity; blank: never)</label>
        <input id="pipeline-rotten" inputMode="numeric" value={draft.rottenDays} onChange={(e) => setDraft({ ...draft, rottenDays: e.target.value })} />
        {message('rotten_days') && <span className="field-error">{message('rotten_days')}</span>}
      </div>
      <div className="field field-check">
        <input id="pipeline-lost-reason" type="checkbox" checked={draft.lostReasonRequired} onChange={(e) => setDraft({ ...draft, lostReasonRequired: e.target.checked })} />
        <label htmlFor="pipeline-lost-reason">A deal moved to a lost stage needs a lost reason</label>
      </div>
      <fieldset className={`stage-fieldset${message('stages') ? ' has-error' : ''}`}>
        <legend>Stages, in board order</legend>
        {message('stages') && <span className="field-error">{message('stages')}</span>}
        <StageList
          stages={draft.stages}
          errors={errors}
          onChange={(i, change) => setStages(updateStage(draft.stages, i, change))}
          onMove={(i, delta) => setStages(moveStage(draft.stages, i, delta))}
          onRemove={(i) => setDraft(removeStage(draft, i))}
        />
        <Button icon="plus" onClick={() => setStages(addStage(draft.stages))}>
          Add a stage
        </Button>
      </fieldset>
      <RemovedStages
        removed={removedStages(draft, pipeline)}
        targets={moveTargets(draft)}
        moveDeals={draft.moveDeals}
        errors={errors}
        onChange={(from, to) => setDraft({ ...draft, moveDeals: { ...draft.moveDeals, [from]: to } })}
      />
      <FormError error={error} />
      <div className="form-actions">
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant="primary" busy={busy}>
          {pipeline ? 'Save the pipeline' : 'Create the pipeline'}
        </Button>
      </div>
    </form>
  );
}
