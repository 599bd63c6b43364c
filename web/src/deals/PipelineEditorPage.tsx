import { useState } from 'react';
import { ConfirmDialog } from '../components/Dialog';
import { Button, Card, ErrorState, FormError, Loading, PageHeader } from '../components/ui';
import { useToast } from '../components/Toasts';
import { useDocumentTitle } from '../lib/hooks';
import { Link, navigate, type Params } from '../lib/router';
import { PipelineForm } from './PipelineForm';
import { pipelinesApi, usePipeline } from './hooks';
import './deals.css';

const boardPath = '/deals';

/** A new pipeline: its name, rules and stages. */
export function NewPipelinePage() {
  useDocumentTitle('New pipeline');
  const toast = useToast();
  return (
    <div className="page">
      <Link to={boardPath} className="back-link">
        ← Deals
      </Link>
      <PageHeader title="New pipeline" />
      <Card>
        <PipelineForm
          onCancel={() => navigate(boardPath)}
          onSubmit={async (body) => {
            const created = await pipelinesApi.create(body);
            toast(`Created the pipeline “${created.name}”`);
            navigate(boardPath);
          }}
        />
      </Card>
    </div>
  );
}

/** Edits a pipeline and its stages, or deletes a pipeline that holds no deals. */
export function EditPipelinePage({ params }: { params: Params }) {
  const pipeline = usePipeline(params.id);
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  useDocumentTitle(pipeline.data ? `Pipeline ${pipeline.data.name}` : 'Pipeline');
  if (pipeline.error)
    return (
      <div className="page">
        <ErrorState error={pipeline.error} onRetry={pipeline.reload} />
      </div>
    );
  if (!pipeline.data)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  const p = pipeline.data;
  const remove = async () => {
    setDeleting(true);
    setDeleteError(null);
    try {
      await pipelinesApi.remove(p.id);
      toast(`Deleted the pipeline “${p.name}”`);
      navigate(boardPath);
    } catch (err) {
      setDeleteError(err);
      setConfirming(false);
    } finally {
      setDeleting(false);
    }
  };
  return (
    <div className="page">
      <Link to={boardPath} className="back-link">
        ← Deals
      </Link>
      <PageHeader
        title={`Pipeline ${p.name}`}
        actions={
          <Button variant="danger" icon="trash" onClick={() => setConfirming(true)}>
            Delete the pipeline
          </Button>
        }
      />
      <FormError error={deleteError} />
      <ConfirmDialog open={confirming} onCancel={() => setConfirming(false)} onConfirm={() => void remove()} busy={deleting} title="Delete this pipeline?" confirmLabel="Delete the pipeline">
        <p>{p.name} and its stages are deleted. A pipeline that still holds deals cannot be deleted: move or delete its deals first.</p>
      </ConfirmDialog>
      <Card>
        <PipelineForm
          pipeline={p}
          onCancel={() => navigate(boardPath)}
          onSubmit={async (body) => {
            const saved = await pipelinesApi.update(p.id, body);
            toast(`Saved the pipeline “${saved.name}”`);
            navigate(boardPath);
          }}
        />
      </Card>
    </div>
  );
}
