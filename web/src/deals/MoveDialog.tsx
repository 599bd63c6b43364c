import { useEffect, useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { Button, FormError } from '../components/ui';
import type { Pipeline, Stage } from './types';

/**
 * "Move to…": the keyboard way to move a deal (and the way to give a lost reason). Lists the stages
 * of the deal's pipeline; a lost stage asks for the reason when the pipeline wants one.
 */
export function MoveDialog({
  open,
  title,
  pipeline,
  currentStageId,
  initialStageId,
  onClose,
  onMove,
}: {
  open: boolean;
  title: string;
  pipeline: Pipeline;
  currentStageId: string;
  initialStageId?: string;
  onClose: () => void;
  onMove: (stage: Stage, lostReason?: string) => Promise<void>;
}) {
  const [stageId, setStageId] = useState(initialStageId ?? currentStageId);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (open) {
      setStageId(initialStageId ?? currentStageId);
      setReason('');
      setError(null);
    }
  }, [open, initialStageId, currentStageId]);
  const stage = pipeline.stages.find((s) => s.id === stageId);
  const needsReason = stage?.kind === 'lost' && pipeline.lost_reason_required;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!stage || stage.id === currentStageId) return onClose();
    setBusy(true);
    setError(null);
    try {
      await onMove(stage, reason.trim() || undefined);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onClose={onClose} title={`Move “${title}”`} size="sm">
      <form onSubmit={submit} className="stack">
        <fieldset className="move-stages">
          <legend>Stage</legend>
          {pipeline.stages.map((s) => (
            <label key={s.id} className="radio-row">
              <input type="radio" name="stage" value={s.id} checked={s.id === stageId} onChange={() => setStageId(s.id)} />
              {s.name}
              {s.id === currentStageId && <span className="muted"> (now)</span>}
            </label>
          ))}
        </fieldset>
        {stage?.kind === 'lost' && (
          <div className="field">
            <label htmlFor="lost-reason">Lost reason{needsReason ? '' : ' (optional)'}</label>
            <input id="lost-reason" value={reason} onChange={(e) => setReason(e.target.value)} required={needsReason} maxLength={255} />
          </div>
        )}
        <FormError error={error} />
        <div className="form-actions">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            Move
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
