import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { FieldForm } from '../components/FieldForm';
import { Icon } from '../components/Icon';
import { Popover } from '../components/Popover';
import { useToast } from '../components/Toasts';
import { Badge, Button, EmptyState, ErrorState, FormError, PageHeader, Spinner } from '../components/ui';
import { api, buildUrl, errorMessage, isAbort, type ApiRecord, type Page } from '../lib/api';
import { customerSections, displayName, editableFields, useCustomerFields, type FieldDef } from '../lib/fields';
import { formatValue } from '../lib/format';
import { useDebounced, useDelayedFlag, useDocumentTitle, useLocalStorage } from '../lib/hooks';
import { capitalise, rfmSegments, stageLabels, stageOrder, stageTones } from '../lib/insights';
import { useSegments } from '../lib/shared-data';
import { Link, navigate, replaceQuery, useLocation } from '../lib/router';
import { FirstSteps } from '../components/FirstSteps';

type FilterOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'is_empty' | 'in';
export interface Filter {
  field: string;
  op: FilterOp;
  value: string;
  /** Shown instead of the value (e.g. a company name for its id). */
  display?: string;
}

const opLabels: Record<FilterOp, string> = {
  eq: 'is',
  ne: 'is not',
  gt: 'is after / above',
  gte: 'is at least',
  lt: 'is before / below',
  lte: 'is at most',
  contains: 'contains',
  is_empty: 'is empty',
  in: 'is one of',
};

function operatorsFor(field: FieldDef): FilterOp[] {
  switch (field.type) {
    case 'string_list':
    case 'phone_list':
      return ['contains', 'is_empty'];
    case 'integer':
    case 'number':
    case 'date':
    case 'datetime':
      return ['eq', 'gt', 'gte', 'lt', 'lte', 'is_empty'];
    case 'boolean':
      return ['eq', 'is_empty'];
    case 'select':
      return ['eq', 'ne', 'is_empty'];
    case 'id':
      return ['eq', 'is_empty'];
    default:
      return ['contains', 'eq', 'ne', 'is_empty'];
  }
}

/** The JSON filter tree the list endpoint reads. */
function filterTree(filters: Filter[], fields: FieldDef[]): string | undefined {
  const nodes = filters.map((f) => {
    const def = fields.find((d) => d.name === f.field);
    let value: unknown = f.value;
    if (f.op === 'is_empty') value = true;
    else if (def && (def.type === 'integer' || def.type === 'number')) value = Number(f.value);
    else if (def?.type === 'boolean') value = f.value === 'true';
    else if (f.op === 'in')
      value = f.value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    return { field: f.field, op: f.op, value };
  });
  if (!nodes.length) return undefined;
  return JSON.stringify(nodes.length === 1 ? nodes[0] : { and: nodes });
}

/** Column headings shorter than the field's label, so the default columns fit a 1440 px window. */
const columnLabels: Record<string, string> = { stage: 'Stage', order_count: 'Orders' };
// What fits a 1440 px window; "Added" and the rest are a click away under Columns.
const defaultColumns = ['email', 'company', 'city', 'stage', 'tags', 'order_count', 'revenue'];
const alwaysFetched = ['id', 'first_name', 'last_name', 'email', 'tags', 'erased_at'];
const pageSize = 50;

interface ListState {
  rows: ApiRecord[];
  cursor: string | null;
  status: 'loading' | 'ready' | 'error' | 'more';
  error: unknown;
}

export function CustomersPage() {
  useDocumentTitle('Customers');
  const toast = useToast();
  const { search } = useLocation();
  const { fields, ready } = useCustomerFields();
  // ?q= in the address is the search (a bookmarked or shared search opens as it was).
  const [query, setQuery] = useState(() => search.get('q') ?? '');
  // Short: a superseded request is cancelled, and a search answers in a few tens of milliseconds.
  const q = useDebounced(query.trim(), 30);
  useEffect(() => {
    const next = new URLSearchParams(window.location.search);
    if (q) next.set('q', q);
    else next.delete('q');
    if (next.toString() !== window.location.search.replace(/^\?/, '')) replaceQuery(next);
  }, [q]);
  const [filters, setFilters] = useState<Filter[]>(() => {
    const companyId = search.get('company_id');
    return companyId ? [{ field: 'company_id', op: 'eq', value: companyId, display: search.get('company_name') || companyId }] : [];
  });
  const [stage, setStage] = useState(() => search.get('stage') ?? '');
  const [rfm, setRfm] = useState(() => search.get('rfm_segment') ?? '');
  const [segment, setSegment] = useState(() => search.get('segment') ?? '');
  // Empty: the server's order, newest first (for a search, the order the full-text index gives at once).
  const [sort, setSort] = useState(() => search.get('sort') ?? '');
  const [columns, setColumns] = useLocalStorage<string[]>('rapport.customers.columns', defaultColumns);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [state, setState] = useState<ListState>({ rows: [], cursor: null, status: 'loading', error: null });
  const [creating, setCreating] = useState(false);
  const [bulk, setBulk] = useState<null | 'tag' | 'untag' | 'delete'>(null);
  const [reloadTick, setReloadTick] = useState(0);

  const shownColumns = useMemo(() => columns.map((c) => fields.find((f) => f.name === c)).filter((f): f is FieldDef => !!f && f.name !== 'first_name' && f.name !== 'last_name'), [columns, fields]);
  const filterParam = useMemo(
    () => filterTree([...filters, ...(stage ? [{ field: 'stage', op: 'eq' as const, value: stage }] : []), ...(rfm ? [{ field: 'rfm_segment', op: 'eq' as const, value: rfm }] : [])], fields),
    [filters, fields, stage, rfm],
  );
  const fieldsParam = useMemo(() => [...new Set([...alwaysFetched, ...shownColumns.map((c) => c.name)])].join(','), [shownColumns]);
  const controllerRef = useRef<AbortController | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      setState((s) => ({ ...s, status: cursor ? 'more' : 'loading', error: null }));
      try {
        const page = await api.get<Page>(
          '/api/customers',
          { q: q || undefined, sort: sort || undefined, limit: pageSize, cursor: cursor ?? undefined, fields: fieldsParam, filter: filterParam, segment: segment || undefined },
          controller.signal,
        );
        if (controller.signal.aborted) return;
        setState((s) => ({ rows: cursor ? [...s.rows, ...page.data] : page.data, cursor: page.next_cursor, status: 'ready', error: null }));
      } catch (error) {
        if (isAbort(error) || controller.signal.aborted) return;
        setState((s) => ({ ...s, status: 'error', error }));
      }
    },
    [q, sort, fieldsParam, filterParam, segment],
  );

  useEffect(() => {
    if (!ready) return;
    void load(null);
    setSelected((s) => (s.size ? new Set() : s));
  }, [load, ready, reloadTick]);
  useEffect(() => () => controllerRef.current?.abort(), []);

  // Infinite scroll: a sentinel below the table asks for the next page when it comes into view.
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !state.cursor || state.status !== 'ready' || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) void load(state.cursor);
      },
      { rootMargin: '400px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [state.cursor, state.status, load]);

  const toggleRow = useCallback(
    (id: string) =>
      setSelected((s) => {
        const n = new Set(s);
        if (n.has(id)) n.delete(id);
        else n.add(id);
        return n;
      }),
    [],
  );

  function toggleSort(field: string) {
    setSort((s) => (s === field ? `-${field}` : field));
  }

  // Dimming the table for every keystroke's quick search would only make it flicker (and repaint).
  const staleLook = useDelayedFlag(state.status === 'loading', 250);
  const allSelected = state.rows.length > 0 && state.rows.every((r) => selected.has(r.id));
  const selectedRows = state.rows.filter((r) => selected.has(r.id));
  const filtering = !!q || filters.length > 0 || !!stage || !!rfm || !!segment;
  const clearAll = () => {
    setQuery('');
    setFilters([]);
    setStage('');
    setRfm('');
    setSegment('');
  };

  return (
    <div className="page page-wide">
      <PageHeader
        title="Customers"
        subtitle="Everyone you sell to, with their figures kept up to date."
        actions={
          <Button variant="primary" icon="plus" onClick={() => setCreating(true)}>
            New customer
          </Button>
        }
      />

      <div className="toolbar" role="search">
        <div className="search-field">
          <Icon name="search" size={16} />
          <label htmlFor="customer-search" className="sr-only">
            Search customers
          </label>
          <input id="customer-search" type="search" placeholder="Search customers…" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        </div>
        <InsightFilters stage={stage} onStage={setStage} rfm={rfm} onRfm={setRfm} segment={segment} onSegment={setSegment} />
        <div className="toolbar-end">
          <a
            className="btn btn-secondary btn-sm"
            href={buildUrl('/api/export/customers', { format: 'csv', q: q || undefined, filter: filterParam, segment: segment || undefined })}
            download="customers.csv"
            title="Download every customer matching the search and filters as CSV"
          >
            <Icon name="download" size={15} /> Export
          </a>
          <ColumnChooser fields={fields} columns={columns} onChange={setColumns} onReset={() => setColumns(defaultColumns)} />
        </div>
        <FilterBar fields={fields} filters={filters} onChange={setFilters} />
      </div>

      {selected.size > 0 && (
        <div className="bulk-bar" role="region" aria-label="Bulk actions">
          <strong>{selected.size} selected</strong>
          <Button size="sm" icon="tag" onClick={() => setBulk('tag')}>
            Add tag
          </Button>
          <Button size="sm" onClick={() => setBulk('untag')}>
            Remove tag
          </Button>
          <Button size="sm" variant="danger" icon="trash" onClick={() => setBulk('delete')}>
            Delete
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        </div>
      )}

      <div className="table-card">
        {state.status === 'error' && !state.rows.length ? (
          <ErrorState error={state.error} onRetry={() => void load(null)} title="Customers could not be loaded" />
        ) : state.status === 'loading' && !state.rows.length ? (
          <TableSkeleton />
        ) : state.rows.length === 0 ? (
          filtering ? (
            <EmptyState icon="search" title="No customers match" action={<Button onClick={clearAll}>Clear search and filters</Button>}>
              Try fewer filters or a shorter search.
            </EmptyState>
          ) : (
            <FirstSteps />
          )
        ) : (
          <div className={`table-scroll${staleLook ? ' is-stale' : ''}`} aria-busy={state.status === 'loading'}>
            <table className="table">
              <caption className="sr-only">Customers{sort ? `, sorted by ${sort.replace(/^-/, '')} ${sort.startsWith('-') ? 'descending' : 'ascending'}` : ', newest first'}</caption>
              <thead>
                <tr>
                  <th className="col-check" scope="col">
                    <input
                      type="checkbox"
                      aria-label="Select all loaded customers"
                      checked={allSelected}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(state.rows.map((r) => r.id)))}
                    />
                  </th>
                  <SortHeader label="Name" field="last_name" sort={sort} onSort={toggleSort} />
                  {shownColumns.map((f) =>
                    f.sortable ? (
                      <SortHeader key={f.name} label={columnLabels[f.name] ?? f.label} field={f.name} sort={sort} onSort={toggleSort} numeric={f.type === 'number' || f.type === 'integer'} />
                    ) : (
                      <th key={f.name} scope="col">
                        {columnLabels[f.name] ?? f.label}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <CustomerRows rows={state.rows} selected={selected} columns={shownColumns} onToggle={toggleRow} />
            </table>
          </div>
        )}
        <div ref={sentinel} className="table-footer">
          {state.status === 'more' && <Spinner small label="Loading more customers" />}
          {state.status === 'error' && state.rows.length > 0 && <FormError error={state.error} />}
          {state.rows.length > 0 && (
            <span className="muted">
              {state.rows.length} shown{state.cursor ? '' : ' · that is everyone'}
            </span>
          )}
          {state.cursor && state.status !== 'more' && (
            <Button size="sm" onClick={() => void load(state.cursor)}>
              Load more
            </Button>
          )}
        </div>
      </div>

      <Dialog open={creating} onClose={() => setCreating(false)} title="New customer" size="lg">
        <FieldForm
          fields={editableFields(fields)}
          sections={customerSections}
          mode="create"
          idPrefix="new"
          submitLabel="Create customer"
          onCancel={() => setCreating(false)}
          onSubmit={async (values) => {
            const created = await api.post<ApiRecord>('/api/customers', values);
            setCreating(false);
            toast(`${displayName(created)} was added.`);
            navigate(`/customers/${encodeURIComponent(created.id)}`);
          }}
        />
      </Dialog>

      {bulk && (
        <BulkDialog
          action={bulk}
          rows={selectedRows}
          onClose={() => setBulk(null)}
          onDone={(message) => {
            setBulk(null);
            toast(message);
            setReloadTick((t) => t + 1);
          }}
        />
      )}
    </div>
  );
}

/** The table body: kept out of the renders that typing in the search box causes. */
const CustomerRows = memo(function CustomerRows({ rows, selected, columns, onToggle }: { rows: ApiRecord[]; selected: Set<string>; columns: FieldDef[]; onToggle: (id: string) => void }) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={r.id} className={selected.has(r.id) ? 'selected' : undefined}>
          <td className="col-check">
            <input type="checkbox" aria-label={`Select ${displayName(r)}`} checked={selected.has(r.id)} onChange={() => onToggle(r.id)} />
          </td>
          <td className="col-name">
            <Link to={`/customers/${encodeURIComponent(r.id)}`}>{displayName(r)}</Link>
          </td>
          {columns.map((f) => (
            <td key={f.name} className={f.type === 'number' || f.type === 'integer' ? 'num' : undefined}>
              {f.name === 'tags' && Array.isArray(r.tags) ? (
                <span className="tag-list">
                  {(r.tags as string[]).map((t) => (
                    <Badge key={t}>{t}</Badge>
                  ))}
                </span>
              ) : f.name === 'stage' && typeof r.stage === 'string' ? (
                <Badge tone={stageTones[r.stage]}>{stageLabels[r.stage] ?? r.stage}</Badge>
              ) : f.name === 'rfm_segment' && typeof r.rfm_segment === 'string' ? (
                capitalise(r.rfm_segment)
              ) : (
                formatValue(f, r[f.name])
              )}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
});

function InsightFilters({
  stage,
  onStage,
  rfm,
  onRfm,
  segment,
  onSegment,
}: {
  stage: string;
  onStage: (v: string) => void;
  rfm: string;
  onRfm: (v: string) => void;
  segment: string;
  onSegment: (v: string) => void;
}) {
  const segments = useSegments();
  const list = segments.data ?? [];
  const known = !segment || list.some((s) => s.id === segment);
  return (
    <div className="select-filters">
      <label className={`select-chip${stage ? ' on' : ''}`}>
        <span className="sr-only">Lifecycle stage</span>
        <select aria-label="Lifecycle stage" value={stage} onChange={(e) => onStage(e.target.value)}>
          <option value="">Any stage</option>
          {stageOrder.map((s) => (
            <option key={s} value={s}>
              {stageLabels[s]}
            </option>
          ))}
        </select>
      </label>
      <label className={`select-chip${segment ? ' on' : ''}`}>
        <span className="sr-only">Segment</span>
        <select aria-label="Segment" value={segment} onChange={(e) => onSegment(e.target.value)}>
          <option value="">Any segment</option>
          {!known && <option value={segment}>Segment {segment}</option>}
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.description ? ` — ${s.description}` : ''}
              {s.size != null ? ` (${s.size})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label className={`select-chip${rfm ? ' on' : ''}`}>
        <span className="sr-only">RFM segment</span>
        <select aria-label="RFM segment" value={rfm} onChange={(e) => onRfm(e.target.value)}>
          <option value="">Any RFM segment</option>
          {rfmSegments.map((s) => (
            <option key={s.name} value={s.name}>
              {capitalise(s.name)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function SortHeader({ label, field, sort, onSort, numeric }: { label: string; field: string; sort: string; onSort: (f: string) => void; numeric?: boolean }) {
  const dir = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={dir ?? 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort-btn" onClick={() => onSort(field)}>
        {label}
        <span className={`sort-icon${dir ? ' on' : ''}`} aria-hidden="true">
          <Icon name={dir === 'descending' ? 'chevronDown' : 'chevronUp'} size={14} />
        </span>
      </button>
    </th>
  );
}

function TableSkeleton() {
  return (
    <div className="skeleton-table" role="status" aria-label="Loading customers">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="skeleton-row">
          <span className="skeleton" style={{ width: '4%' }} />
          <span className="skeleton" style={{ width: '22%' }} />
          <span className="skeleton" style={{ width: '28%' }} />
          <span className="skeleton" style={{ width: '18%' }} />
          <span className="skeleton" style={{ width: '12%' }} />
        </div>
      ))}
    </div>
  );
}

const quickFilters = ['city', 'country', 'tags'];

function FilterBar({ fields, filters, onChange }: { fields: FieldDef[]; filters: Filter[]; onChange: (f: Filter[]) => void }) {
  const labelOf = (name: string) => fields.find((f) => f.name === name)?.label ?? name;
  return (
    <div className="filter-bar">
      {filters.map((f, i) => (
        <span key={`${f.field}-${i}`} className="chip">
          <span>
            {labelOf(f.field)} {opLabels[f.op]}
            {f.op !== 'is_empty' && <strong> {f.display ?? (f.value === 'true' ? 'yes' : f.value === 'false' ? 'no' : f.value)}</strong>}
          </span>
          <button type="button" className="chip-remove" aria-label={`Remove filter ${labelOf(f.field)}`} onClick={() => onChange(filters.filter((_, j) => j !== i))}>
            <Icon name="x" size={14} />
          </button>
        </span>
      ))}
      {quickFilters
        .filter((name) => !filters.some((f) => f.field === name))
        .map((name) => (
          <AddFilter key={name} fields={fields} fixedField={name} onAdd={(f) => onChange([...filters, f])} />
        ))}
      <AddFilter fields={fields} onAdd={(f) => onChange([...filters, f])} />
    </div>
  );
}

function AddFilter({ fields, fixedField, onAdd }: { fields: FieldDef[]; fixedField?: string; onAdd: (f: Filter) => void }) {
  const filterable = fields.filter((f) => f.filterable && f.type !== 'phone_list' && f.name !== 'id');
  const [field, setField] = useState(fixedField ?? 'city');
  const def = filterable.find((f) => f.name === field) ?? filterable[0];
  const ops = def ? operatorsFor(def) : [];
  const [op, setOp] = useState<FilterOp>(ops[0] ?? 'eq');
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const idBase = `filter-${fixedField ?? 'any'}`;
  useEffect(() => {
    if (!ops.includes(op)) setOp(ops[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field]);
  if (!def) return null;
  const inputType = def.type === 'date' ? 'date' : def.type === 'datetime' ? 'date' : 'text';
  return (
    <Popover
      label={fixedField ? def.label : 'More filters'}
      ariaLabel={fixedField ? `Filter by ${def.label}` : 'More filters: filter by any field'}
      icon={fixedField ? 'plus' : 'filter'}
      buttonClass="chip chip-add"
      onOpen={() => (setValue(''), setError(''))}
    >
      {(close) => (
        <form
          className="popover-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (op !== 'is_empty' && !value.trim()) return setError('Enter a value');
            if ((def.type === 'number' || def.type === 'integer') && op !== 'is_empty' && !Number.isFinite(Number(value))) return setError('Enter a number');
            onAdd({ field: def.name, op, value: value.trim() });
            close();
          }}
        >
          {!fixedField && (
            <div className="field">
              <label htmlFor={`${idBase}-field`}>Field</label>
              <select id={`${idBase}-field`} value={def.name} onChange={(e) => setField(e.target.value)}>
                {filterable.map((f) => (
                  <option key={f.name} value={f.name}>
                    {f.label}
                    {f.custom ? ' (custom)' : ''}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="field">
            <label htmlFor={`${idBase}-op`}>Condition</label>
            <select id={`${idBase}-op`} value={op} onChange={(e) => setOp(e.target.value as FilterOp)}>
              {ops.map((o) => (
                <option key={o} value={o}>
                  {opLabels[o]}
                </option>
              ))}
            </select>
          </div>
          {op !== 'is_empty' && (
            <div className={`field${error ? ' has-error' : ''}`}>
              <label htmlFor={`${idBase}-value`}>Value</label>
              {def.type === 'boolean' ? (
                <select id={`${idBase}-value`} value={value} onChange={(e) => setValue(e.target.value)}>
                  <option value="">Choose…</option>
                  <option value="true">Yes</option>
                  <option value="false">No</option>
                </select>
              ) : def.type === 'select' && def.options ? (
                <select id={`${idBase}-value`} value={value} onChange={(e) => setValue(e.target.value)}>
                  <option value="">Choose…</option>
                  {def.options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${idBase}-value`}
                  type={inputType}
                  value={value}
                  onChange={(e) => setValue(e.target.value)}
                  autoFocus
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${idBase}-error` : undefined}
                />
              )}
              {error && (
                <span className="field-error" id={`${idBase}-error`}>
                  {error}
                </span>
              )}
            </div>
          )}
          <Button type="submit" variant="primary" size="sm">
            Apply filter
          </Button>
        </form>
      )}
    </Popover>
  );
}

function ColumnChooser({ fields, columns, onChange, onReset }: { fields: FieldDef[]; columns: string[]; onChange: (c: string[]) => void; onReset: () => void }) {
  const choosable = fields.filter((f) => f.name !== 'id' && f.name !== 'first_name' && f.name !== 'last_name');
  return (
    <Popover label="Columns" icon="columns" buttonClass="btn btn-secondary btn-sm" align="end">
      {() => (
        <fieldset className="column-chooser">
          <legend>Show columns</legend>
          <div className="column-list">
            {choosable.map((f) => (
              <label key={f.name} className="check">
                <input type="checkbox" checked={columns.includes(f.name)} onChange={(e) => onChange(e.target.checked ? [...columns, f.name] : columns.filter((c) => c !== f.name))} />
                {f.label}
                {f.custom && <span className="muted"> (custom)</span>}
              </label>
            ))}
          </div>
          <Button size="sm" variant="ghost" onClick={onReset}>
            Reset to default
          </Button>
        </fieldset>
      )}
    </Popover>
  );
}

function BulkDialog({ action, rows, onClose, onDone }: { action: 'tag' | 'untag' | 'delete'; rows: ApiRecord[]; onClose: () => void; onDone: (message: string) => void }) {
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const n = rows.length;
  const people = `${n} customer${n === 1 ? '' : 's'}`;

  async function run() {
    const t = tag.trim();
    if (action !== 'delete' && !t) return setError(new Error('Enter a tag'));
    setBusy(true);
    setError(null);
    try {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        if (action === 'delete') await api.post('/api/customers/bulk', { delete: chunk.map((r) => r.id) });
        else {
          const update = chunk
            .map((r) => {
              const tags = Array.isArray(r.tags) ? (r.tags as string[]) : [];
              const next = action === 'tag' ? (tags.some((x) => x.toLowerCase() === t.toLowerCase()) ? tags : [...tags, t]) : tags.filter((x) => x.toLowerCase() !== t.toLowerCase());
              return next.length === tags.length && action === 'untag' ? null : next === tags ? null : { id: r.id, tags: next };
            })
            .filter(Boolean);
          if (update.length) await api.post('/api/customers/bulk', { update });
        }
      }
      onDone(action === 'delete' ? `${people} deleted.` : action === 'tag' ? `Tagged ${people} with “${t}”.` : `Removed “${t}” from ${people} where present.`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const title = action === 'delete' ? `Delete ${people}?` : action === 'tag' ? `Add a tag to ${people}` : `Remove a tag from ${people}`;
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      size="sm"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant={action === 'delete' ? 'danger' : 'primary'} busy={busy} onClick={() => void run()}>
            {action === 'delete' ? `Delete ${people}` : action === 'tag' ? 'Add tag' : 'Remove tag'}
          </Button>
        </>
      }
    >
      {action === 'delete' ? (
        <p>
          The selected records are deleted permanently; there is no undo. A copy of each deleted record stays in the audit log. {rows.length <= 5 && <>Deleting: {rows.map(displayName).join(', ')}.</>}
        </p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <div className="field">
            <label htmlFor="bulk-tag">Tag</label>
            <input id="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} autoFocus />
          </div>
        </form>
      )}
      {error ? (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      ) : null}
    </Dialog>
  );
}
