import { memo, useCallback, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useToast } from '../components/Toasts';
import { Badge, Button, EmptyState, ErrorState, Loading, PageHeader } from '../components/ui';
import { errorMessage } from '../lib/api';
import { formatMoney, formatShortDate } from '../lib/format';
import { useDocumentTitle, useLocalStorage } from '../lib/hooks';
import { Link } from '../lib/router';
import { MoveDialog } from './MoveDialog';
import { NewDealDialog } from './NewDealDialog';
import { dealsApi, useBoard, usePipelines } from './hooks';
import type { BoardColumn, DealCard, Pipeline, Stage } from './types';
import './deals.css';

/** Cards asked for per column at first; the rest on demand, so a board of thousands paints at once. */
const firstCards = 50;
const allCards = 20_000;

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** The kanban board of a pipeline: drag a card to another column, or focus it and press Shift+→ / Shift+← or M. */
export function BoardPage() {
  useDocumentTitle('Deals');
  const pipelines = usePipelines();
  const [chosen, setChosen] = useLocalStorage<string | null>('rapport.deals.pipeline', null);
  // The board loads with the pipeline list, not after it; a remembered pipeline that is gone falls back to the first.
  const known = !pipelines.data || pipelines.data.some((p) => p.id === chosen);
  const [perStage, setPerStage] = useState(firstCards);
  const board = useBoard(known ? chosen : null, perStage);
  const pipelineId = board.data?.pipeline.id;
  const toast = useToast();
  const [moving, setMoving] = useState<{ card: DealCard; stageId: string; target?: string } | null>(null);
  const [creating, setCreating] = useState(false);

  const move = useCallback(
    async (card: DealCard, from: string, stage: Stage, lostReason?: string) => {
      if (stage.id === from) return;
      await dealsApi.move(card.id, stage.id, lostReason);
      toast(`Moved “${card.title}” to ${stage.name}`);
      board.reload();
    },
    [board, toast],
  );
  const pipeline = board.data?.pipeline;
  /** Moves straight away, or asks first when the stage wants a lost reason. */
  const request = useCallback(
    (card: DealCard, from: string, target: Stage) => {
      if (!pipeline || target.id === from) return;
      if (target.kind === 'lost' && pipeline.lost_reason_required) return setMoving({ card, stageId: from, target: target.id });
      move(card, from, target).catch((err) => toast(errorMessage(err), 'error'));
    },
    [pipeline, move, toast],
  );

  return (
    <div className="page page-wide">
      <PageHeader
        title="Deals"
        subtitle={board.data ? `${formatMoney(board.data.total)} open · ${formatMoney(board.data.weighted)} weighted by learnt win probability` : undefined}
        actions={
          <>
            {pipelines.data && pipelines.data.length > 1 && (
              <label className="inline-form">
                <span className="sr-only">Pipeline</span>
                <select value={pipelineId} onChange={(e) => setChosen(e.target.value)} aria-label="Pipeline">
                  {pipelines.data.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <Link to="/deals/list" className="btn btn-secondary btn-md">
              List
            </Link>
            {pipelineId && (
              <Link to={`/deals/pipelines/${encodeURIComponent(pipelineId)}`} className="btn btn-secondary btn-md">
                Edit pipeline
              </Link>
            )}
            <Link to="/deals/pipelines/new" className="btn btn-secondary btn-md">
              New pipeline
            </Link>
            <Button variant="primary" icon="plus" onClick={() => setCreating(true)} disabled={!pipelines.data}>
              New deal
            </Button>
          </>
        }
      />
      <p className="muted small" id="board-help">
        Drag a card to another stage, or focus a card and press Shift+→ or Shift+← to move it one stage, M to choose a stage. Won and lost columns show the last {board.data?.closed_days ?? 30} days.
      </p>
      {pipelines.error ? (
        <ErrorState error={pipelines.error} onRetry={pipelines.reload} />
      ) : board.error ? (
        <ErrorState error={board.error} onRetry={board.reload} />
      ) : !board.data ? (
        <Loading />
      ) : (
        <>
          {board.data.columns.every((c) => c.count === 0) && (
            <EmptyState icon="chart" title="No deals yet">
              Deals come from the web forms, the API and imports.
            </EmptyState>
          )}
          <Columns pipeline={board.data.pipeline} columns={board.data.columns} onRequest={request} onMenu={(card, stageId) => setMoving({ card, stageId })} onShowAll={() => setPerStage(allCards)} />
        </>
      )}
      {creating && pipelines.data && (
        <NewDealDialog
          open
          pipelines={pipelines.data}
          onClose={() => setCreating(false)}
          onCreated={(deal) => {
            toast(`Opened “${deal.title}”`);
            board.reload();
          }}
        />
      )}
      {moving && pipeline && (
        <MoveDialog
          open
          title={moving.card.title}
          pipeline={pipeline}
          currentStageId={moving.stageId}
          initialStageId={moving.target}
          onClose={() => setMoving(null)}
          onMove={(stage, reason) => move(moving.card, moving.stageId, stage, reason)}
        />
      )}
    </div>
  );
}

type Request = (card: DealCard, from: string, target: Stage) => void;
type Menu = (card: DealCard, stageId: string) => void;

function Columns({ pipeline, columns, onRequest, onMenu, onShowAll }: { pipeline: Pipeline; columns: BoardColumn[]; onRequest: Request; onMenu: Menu; onShowAll: () => void }) {
  return (
    <div className="board">
      {columns.map((column, i) => (
        <Column key={column.stage.id} column={column} previous={columns[i - 1]?.stage} next={columns[i + 1]?.stage} pipeline={pipeline} onRequest={onRequest} onMenu={onMenu} onShowAll={onShowAll} />
      ))}
    </div>
  );
}

function Column({
  column,
  previous,
  next,
  pipeline,
  onRequest,
  onMenu,
  onShowAll,
}: {
  column: BoardColumn;
  previous?: Stage;
  next?: Stage;
  pipeline: Pipeline;
  onRequest: Request;
  onMenu: Menu;
  onShowAll: () => void;
}) {
  const [over, setOver] = useState(false);
  const { stage, probability: p } = column;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const raw = e.dataTransfer.getData('application/x-rapport-deal');
    if (!raw) return;
    const { card, from } = JSON.parse(raw) as { card: DealCard; from: string };
    onRequest(card, from, stage);
  };
  const headingId = `col-${stage.id}`;
  return (
    <section
      className={`board-column board-${stage.kind}${over ? ' is-over' : ''}`}
      aria-labelledby={headingId}
      data-stage={stage.name}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('application/x-rapport-deal')) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'move';
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <header className="board-column-head">
        <h2 id={headingId}>
          {stage.name}{' '}
          <span className="board-count" data-testid="column-count">
            {column.count}
          </span>
        </h2>
        {stage.kind === 'open' && (
          <p
            className="board-prob"
            title={`Configured ${percent(p.configured)}; learnt from ${p.deals_seen} closed deals (${p.won} won, ${p.lost} lost): ${percent(p.learnt)}. ${p.basis === 'learnt' ? 'The forecast uses the learnt value.' : 'The forecast uses the configured value until enough deals have closed.'}`}
          >
            {percent(p.configured)} set · {percent(p.learnt)} learnt <span className="muted">({p.deals_seen} deals)</span>
          </p>
        )}
        <dl className="board-totals">
          <div>
            <dt>Total</dt>
            <dd data-testid="column-total">{formatMoney(column.total)}</dd>
          </div>
          {stage.kind === 'open' && (
            <div>
              <dt>Weighted</dt>
              <dd data-testid="column-weighted">{formatMoney(column.weighted)}</dd>
            </div>
          )}
        </dl>
        {column.other_currencies.length > 0 && (
          <p className="muted small">Also {column.other_currencies.map((c) => `${formatMoney(c.value, c.currency)} (${c.deals})`).join(', ')}, not in the total</p>
        )}
        {column.rotten > 0 && <Badge tone="danger">{column.rotten} rotten</Badge>}
      </header>
      <ul className="board-cards">
        {column.deals.map((card) => (
          <Card key={card.id} card={card} stage={stage} previous={previous} next={next} rottenDays={pipeline.rotten_days} onRequest={onRequest} onMenu={onMenu} />
        ))}
      </ul>
      {column.count > column.deals.length && (
        <Button size="sm" variant="ghost" onClick={onShowAll}>
          Show all {column.count}
        </Button>
      )}
    </section>
  );
}

const Card = memo(function Card({
  card,
  stage,
  previous,
  next,
  rottenDays,
  onRequest,
  onMenu,
}: {
  card: DealCard;
  stage: Stage;
  previous?: Stage;
  next?: Stage;
  rottenDays: number | null;
  onRequest: Request;
  onMenu: Menu;
}) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.shiftKey && e.key === 'ArrowRight' && next) {
      e.preventDefault();
      onRequest(card, stage.id, next);
    } else if (e.shiftKey && e.key === 'ArrowLeft' && previous) {
      e.preventDefault();
      onRequest(card, stage.id, previous);
    } else if (e.key === 'm' || e.key === 'M') {
      e.preventDefault();
      onMenu(card, stage.id);
    }
  };
  return (
    <li
      className={`deal-card${card.rotten ? ' is-rotten' : ''}`}
      tabIndex={0}
      draggable
      data-deal={card.id}
      aria-label={`${card.title}, ${formatMoney(card.value, card.currency)}${card.rotten ? ', rotten' : ''}`}
      aria-describedby="board-help"
      onKeyDown={onKeyDown}
      onDragStart={(e) => {
        e.dataTransfer.setData('application/x-rapport-deal', JSON.stringify({ card, from: stage.id }));
        e.dataTransfer.effectAllowed = 'move';
      }}
    >
      <div className="deal-card-head">
        <Link to={`/deals/${encodeURIComponent(card.id)}`} className="deal-card-title" draggable={false}>
          {card.title}
        </Link>
        <button type="button" className="icon-btn" aria-label={`Move ${card.title}`} onClick={() => onMenu(card, stage.id)}>
          <span aria-hidden="true">⇄</span>
        </button>
      </div>
      {card.customer_name && <div className="muted small">{card.customer_name}</div>}
      <div className="deal-card-foot">
        <strong>{formatMoney(card.value, card.currency)}</strong>
        {card.expected_close_date && <span className="muted small">closes {formatShortDate(card.expected_close_date)}</span>}
      </div>
      {card.rotten && (
        <span className="deal-rotten" title={`No activity for more than ${rottenDays} days`}>
          Rotten · {card.days_without_activity} days without activity
        </span>
      )}
    </li>
  );
});
