import { useCallback, useRef, useState, type DragEvent } from 'react';
import { ConfirmDialog } from '../components/Dialog';
import { Icon } from '../components/Icon';
import { useToast } from '../components/Toasts';
import { Badge, Button, Card, EmptyState, ErrorState, FormError, Loading, PageHeader, Spinner } from '../components/ui';
import { api, type ImportCounts, type ImportJob, type ImportKind, type ImportPreview, type RowError } from '../lib/api';
import { FIELDS as IMPORT_FIELDS } from '../../../src/imports/fields.js';
import { entities } from '../../../src/schema/entities.js';
import { formatDateTime, relativeTime } from '../lib/format';
import { invalidateShared, useAsync, useDocumentTitle, useInterval } from '../lib/hooks';
import { compact } from '../lib/insights';
import { waitForJob, type Job } from '../lib/jobs';
import { Link } from '../lib/router';

const kinds: { id: ImportKind; label: string; hint: string }[] = [
  { id: 'customers', label: 'Customers', hint: 'contacts, address books, shop customers, newsletter lists' },
  { id: 'orders', label: 'Orders', hint: 'shop orders or payments; customers are matched or created' },
  { id: 'companies', label: 'Companies', hint: 'organisations your customers work for' },
  { id: 'products', label: 'Products', hint: 'your catalogue' },
  { id: 'interactions', label: 'Interactions', hint: 'calls, emails, campaign events' },
];

const presetNames: Record<string, string> = {
  google_contacts: 'Google Contacts',
  google_contacts_legacy: 'Google Contacts (older export)',
  outlook: 'Outlook',
  hubspot_contacts: 'HubSpot contacts',
  shopify_customers: 'Shopify customers',
  shopify_orders: 'Shopify orders',
  stripe_customers: 'Stripe customers',
  stripe_payments: 'Stripe payments',
  mailchimp_audience: 'Mailchimp audience',
};
const presetLabel = (id: string | null | undefined) => (id ? (presetNames[id] ?? id.replace(/_/g, ' ')) : null);

const mergeModes: { id: 'auto' | 'review' | 'off'; label: string; hint: string }[] = [
  { id: 'review', label: 'Ask me', hint: 'Likely duplicates go to the review queue; nothing is merged without you.' },
  { id: 'auto', label: 'Merge sure matches', hint: 'Same email or phone merges straight away; uncertain ones go to review.' },
  { id: 'off', label: 'Never', hint: 'Every row becomes its own record (matching ids still update).' },
];

type Step = 'upload' | 'map' | 'running' | 'result';

interface Options {
  kind: ImportKind;
  source: string;
  defaultCountry: string;
  dateOrder: '' | 'MDY' | 'DMY';
  merge: 'auto' | 'review' | 'off';
  strict: boolean;
}

function formFor(file: File, o: Options, mapping: Record<string, string | null> | null, extra: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.append('file', file, file.name);
  f.append('kind', o.kind);
  if (mapping) f.append('mapping', JSON.stringify(mapping));
  if (o.defaultCountry.trim()) f.append('default_country', o.defaultCountry.trim());
  if (o.dateOrder) f.append('date_order', o.dateOrder);
  for (const [k, v] of Object.entries(extra)) f.append(k, v);
  return f;
}

const specialLabels: Record<string, string> = {
  source_id: 'ID in the source system',
  full_name: 'Full name (split into first and last)',
  emails: 'Email',
  phones: 'Phone',
  customer_source_id: 'Customer ID in the source system',
  customer_email: 'Customer email',
  customer_name: 'Customer name',
  product_source_id: 'Product ID in the source system',
  order_source_id: 'Order ID in the source system',
};

/** Fields a column can map to, from the import's own field list, labelled like the rest of the app. */
function importTargets(kind: ImportKind): { name: string; label: string }[] {
  const entity = entities[kind];
  return Object.keys(IMPORT_FIELDS[kind] ?? {}).map((name) => ({
    name,
    label: specialLabels[name] ?? entity?.fields.find((f) => f.name === name)?.label ?? name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' '),
  }));
}

const sizeFmt = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`);

export function ImportPage() {
  useDocumentTitle('Import');
  const history = useAsync((signal) => api.get<{ data: ImportJob[] }>('/api/imports', undefined, signal), []);
  return (
    <div className="page page-wide">
      <PageHeader
        title="Import"
        subtitle="Bring in customers, orders and more from a CSV, JSON or vCard export. Nothing is written until you confirm."
        actions={
          <Link to="/duplicates" className="btn btn-secondary btn-md">
            <Icon name="merge" size={17} /> Review duplicates
          </Link>
        }
      />
      <Wizard onFinished={history.reload} />
      <ImportHistory state={history} />
    </div>
  );
}

function Wizard({ onFinished }: { onFinished: () => void }) {
  const toast = useToast();
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<Options>({ kind: 'customers', source: '', defaultCountry: '', dateOrder: '', merge: 'review', strict: false });
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null> | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [starting, setStarting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  const runPreview = useCallback(async (f: File, o: Options, m: Record<string, string | null> | null) => {
    const n = ++seq.current;
    setPreviewing(true);
    setError(null);
    try {
      const p = await api.postForm<ImportPreview>('/api/imports/preview', formFor(f, o, m));
      if (n !== seq.current) return;
      setPreview(p);
      setMapping(p.mapping);
      setStep('map');
    } catch (e) {
      if (n === seq.current) setError(e);
    } finally {
      if (n === seq.current) setPreviewing(false);
    }
  }, []);

  function choose(f: File | undefined) {
    if (!f) return;
    setFile(f);
    setPreview(null);
    setMapping(null);
    void runPreview(f, options, null);
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    choose(e.dataTransfer.files?.[0]);
  }

  async function start() {
    if (!file) return;
    setStarting(true);
    setError(null);
    try {
      const extra: Record<string, string> = { merge: options.merge, strict: String(options.strict) };
      if (options.source.trim()) extra.source = options.source.trim();
      if (preview?.preset) extra.preset = preview.preset;
      setJob(await api.postForm<ImportJob>('/api/imports', formFor(file, options, mapping, extra)));
      setStep('running');
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  }

  useInterval(
    () => {
      if (!job) return;
      api.get<ImportJob>(`/api/imports/${encodeURIComponent(job.id)}`).then(
        (j) => {
          setJob(j);
          if (j.status !== 'running') {
            setStep('result');
            onFinished();
            invalidateShared('segments');
            if (j.status === 'done') toast('Import finished.');
          }
        },
        (e) => setError(e),
      );
    },
    600,
    step === 'running' && job !== null,
  );

  function reset() {
    setStep('upload');
    setFile(null);
    setPreview(null);
    setMapping(null);
    setJob(null);
    setError(null);
    if (input.current) input.current.value = '';
  }

  const stepIndex = { upload: 0, map: 1, running: 2, result: 3 }[step];
  return (
    <section className="card wizard" aria-label="Import wizard">
      <ol className="steps" aria-label="Steps">
        {['Upload', 'Check and map', 'Import', 'Result'].map((s, i) => (
          <li key={s} className={i < stepIndex ? 'done' : i === stepIndex ? 'current' : undefined} aria-current={i === stepIndex ? 'step' : undefined}>
            <span className="step-num">{i < stepIndex ? <Icon name="check" size={14} /> : i + 1}</span>
            {s}
          </li>
        ))}
      </ol>

      {step === 'upload' && (
        <div className="wizard-body">
          <fieldset className="kind-picker">
            <legend className="field-label">What is in the file?</legend>
            <div className="kind-options">
              {kinds.map((k) => (
                <label key={k.id} className={`kind-option${options.kind === k.id ? ' on' : ''}`}>
                  <input type="radio" name="import-kind" value={k.id} checked={options.kind === k.id} onChange={() => setOptions({ ...options, kind: k.id })} className="sr-only" />
                  <strong>{k.label}</strong>
                  <span className="muted small">{k.hint}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div
            className={`dropzone${dragging ? ' dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            {previewing ? (
              <Spinner label="Reading the file" />
            ) : (
              <span className="dropzone-icon" aria-hidden="true">
                <Icon name="upload" size={24} />
              </span>
            )}
            <p>
              <strong>{previewing ? `Reading ${file?.name}…` : 'Drop a file here'}</strong>
              {!previewing && <span className="muted"> or</span>}
            </p>
            {!previewing && (
              <label className="btn btn-primary btn-md file-btn">
                Choose a file
                <input
                  ref={input}
                  type="file"
                  accept=".csv,.tsv,.txt,.json,.ndjson,.jsonl,.vcf,.vcard,text/csv,application/json,text/vcard"
                  onChange={(e) => choose(e.target.files?.[0])}
                  className="sr-only"
                  aria-label="File to import"
                />
              </label>
            )}
            <p className="muted small">CSV in any common encoding and delimiter, JSON, or vCard. Exports from Google Contacts, Outlook, HubSpot, Shopify, Stripe and Mailchimp are recognised.</p>
          </div>
          <details className="more-options">
            <summary>More options</summary>
            <div className="form-grid">
              <div className="field">
                <label htmlFor="imp-country">Default country</label>
                <input
                  id="imp-country"
                  maxLength={2}
                  value={options.defaultCountry}
                  onChange={(e) => setOptions({ ...options, defaultCountry: e.target.value })}
                  placeholder="e.g. GB"
                  aria-describedby="imp-country-hint"
                />
                <span className="field-hint" id="imp-country-hint">
                  For phone numbers written without a country code.
                </span>
              </div>
              <div className="field">
                <label htmlFor="imp-dates">Dates like 03/04/2025 mean</label>
                <select id="imp-dates" value={options.dateOrder} onChange={(e) => setOptions({ ...options, dateOrder: e.target.value as Options['dateOrder'] })}>
                  <option value="">Work it out from the file</option>
                  <option value="DMY">3 April (day first)</option>
                  <option value="MDY">March 4 (month first)</option>
                </select>
              </div>
            </div>
          </details>
          <FormError error={error} />
        </div>
      )}

      {step === 'map' && preview && file && (
        <MapStep
          file={file}
          preview={preview}
          mapping={mapping ?? {}}
          busy={previewing}
          options={options}
          onOptions={setOptions}
          onMapping={(m) => {
            setMapping(m);
            void runPreview(file, options, m);
          }}
          onBack={reset}
          onStart={() => void start()}
          starting={starting}
          error={error}
        />
      )}

      {step === 'running' && job && (
        <div className="wizard-body running">
          <h2>Importing {job.file_name}</h2>
          <ProgressBar job={job} />
          <p className="muted small">You can leave this page; the import carries on and shows up in the history below.</p>
          <FormError error={error} />
        </div>
      )}

      {step === 'result' && job && <ResultStep job={job} onAnother={reset} />}
    </section>
  );
}

function ProgressBar({ job }: { job: ImportJob }) {
  const p = job.progress;
  const fraction = p && p.total_bytes ? Math.min(1, p.bytes / p.total_bytes) : null;
  return (
    <div className="import-progress" role="status" aria-live="polite">
      <div
        className="progress progress-lg"
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      >
        <span className={fraction === null ? 'indeterminate' : undefined} style={fraction === null ? undefined : { width: `${Math.max(2, Math.round(fraction * 100))}%` }} />
      </div>
      <span className="muted small">{p ? `${compact(p.rows)} rows read · ${sizeFmt(p.bytes)} of ${sizeFmt(p.total_bytes)}` : 'Starting…'}</span>
    </div>
  );
}

function MapStep({
  file,
  preview,
  mapping,
  busy,
  options,
  onOptions,
  onMapping,
  onBack,
  onStart,
  starting,
  error,
}: {
  file: File;
  preview: ImportPreview;
  mapping: Record<string, string | null>;
  busy: boolean;
  options: Options;
  onOptions: (o: Options) => void;
  onMapping: (m: Record<string, string | null>) => void;
  onBack: () => void;
  onStart: () => void;
  starting: boolean;
  error: unknown;
}) {
  const p = preview;
  const targets = importTargets(p.kind);
  const targetLabel = (name: string) => targets.find((t) => t.name === name)?.label ?? name.replace(/_/g, ' ');
  const rejected = p.rejected;
  const mappedFields = [...new Set(Object.values(mapping).filter((v): v is string => !!v))];
  const errorsFor = (errs: RowError[], column: string) => errs.filter((e) => e.column === column);
  const used = new Map<string, number>();
  for (const v of Object.values(mapping)) if (v) used.set(v, (used.get(v) ?? 0) + 1);
  const preset = presetLabel(p.preset);
  const good = p.rows_read - rejected;

  return (
    <div className="wizard-body">
      <div className="detected">
        <span className="detected-file">
          <Icon name="file" size={18} />
          <strong>{file.name}</strong>
          <span className="muted small">{sizeFmt(file.size)}</span>
        </span>
        <span className="detected-facts">
          {preset ? <Badge tone="success">Recognised: {preset}</Badge> : <Badge>No known export format; columns matched by name</Badge>}
          <Badge>{p.format.toUpperCase()}</Badge>
          <Badge>{compact(p.rows_read)} rows</Badge>
        </span>
        <Button size="sm" variant="ghost" onClick={onBack}>
          Choose another file
        </Button>
      </div>

      <div className={`dry-run${rejected ? ' has-problems' : ''}`} role="status">
        <Icon name={rejected ? 'alert' : 'check'} size={18} />
        {rejected === 0 ? (
          <span>
            Dry run: all <strong>{compact(p.rows_read)}</strong> rows can be imported.
          </span>
        ) : (
          <span>
            Dry run: <strong>{compact(good)}</strong> rows can be imported, <strong>{compact(rejected)}</strong> {rejected === 1 ? 'has a problem' : 'have problems'} and will be skipped (you get a
            report of them).
          </span>
        )}
        {p.flagged > 0 && (
          <span>
            {' '}
            <strong>{compact(p.flagged ?? 0)}</strong> {p.flagged === 1 ? 'row keeps' : 'rows keep'} a phone or country as written, flagged, because it could not be read for the row's country.
          </span>
        )}
        {busy && <Spinner small label="Updating the preview" />}
      </div>

      <h2 className="section-title">Columns</h2>
      <div className="table-scroll mapping-scroll">
        <table className="table table-compact mapping-table">
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Example</th>
              <th scope="col">Imports into</th>
            </tr>
          </thead>
          <tbody>
            {p.headers.map((h) => {
              const v = mapping[h] ?? null;
              const example = p.rows.map((r) => r.values[h]).find((x) => x !== undefined && x !== null && String(x).trim() !== '');
              return (
                <tr key={h} className={v ? undefined : 'unmapped'}>
                  <th scope="row">{h}</th>
                  <td className="muted example">{example === undefined ? '' : String(example)}</td>
                  <td>
                    <select aria-label={`Field for column ${h}`} value={v ?? ''} onChange={(e) => onMapping({ ...mapping, [h]: e.target.value || null })} disabled={busy}>
                      <option value="">Don’t import</option>
                      {v && !targets.some((t) => t.name === v) && <option value={v}>{targetLabel(v)}</option>}
                      {targets.map((t) => (
                        <option key={t.name} value={t.name}>
                          {t.label}
                        </option>
                      ))}
                    </select>
                    {v && (used.get(v) ?? 0) > 1 && <span className="field-hint">Several columns go into this field; the values are combined.</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2 className="section-title">Preview of the first rows</h2>
      <div className="table-scroll preview-scroll">
        <table className="table table-compact preview-table">
          <thead>
            <tr>
              <th scope="col">Row</th>
              {mappedFields.map((f) => (
                <th key={f} scope="col">
                  {targetLabel(f)}
                </th>
              ))}
              <th scope="col">Problems</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => {
              const bad = r.errors.length > 0 || !r.record;
              return (
                <tr key={r.row} className={bad ? 'row-error' : undefined}>
                  <td className="num muted">{r.row}</td>
                  {mappedFields.map((f) => {
                    const cols = Object.entries(mapping)
                      .filter(([, t]) => t === f)
                      .map(([c]) => c);
                    const errs = cols.flatMap((c) => errorsFor(r.errors, c));
                    // A value that failed cleaning is shown as it is in the file, marked.
                    const raw = cols
                      .map((c) => r.values[c])
                      .filter(Boolean)
                      .join(' ');
                    const value = errs.length || !r.record ? raw : r.record[f];
                    return (
                      <td key={f} className={errs.length ? 'cell-error' : undefined} title={errs.map((e) => e.reason).join('; ') || undefined}>
                        {displayValue(value)}
                      </td>
                    );
                  })}
                  <td className="problems">
                    {bad ? (
                      r.errors.length ? (
                        r.errors.map((e) => `${e.column ? `${e.column}: ` : ''}${e.reason}`).join('; ')
                      ) : (
                        'Nothing usable in this row'
                      )
                    ) : r.warnings?.length ? (
                      r.warnings.map((w) => `${w.column ? `${w.column}: ` : ''}${w.reason}`).join('; ')
                    ) : (
                      <span className="ok">OK</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className="import-options">
        <fieldset className="field">
          <legend className="field-label">When a row looks like someone you already have</legend>
          <div className="merge-options">
            {mergeModes.map((m) => (
              <label key={m.id} className={`kind-option${options.merge === m.id ? ' on' : ''}`}>
                <input type="radio" name="merge-mode" value={m.id} checked={options.merge === m.id} onChange={() => onOptions({ ...options, merge: m.id })} className="sr-only" />
                <strong>{m.label}</strong>
                <span className="muted small">{m.hint}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="imp-source">Source name</label>
            <input
              id="imp-source"
              value={options.source}
              onChange={(e) => onOptions({ ...options, source: e.target.value })}
              placeholder={p.preset ?? 'e.g. old-crm'}
              aria-describedby="imp-source-hint"
            />
            <span className="field-hint" id="imp-source-hint">
              Ids in the file belong to this system; importing it again updates instead of duplicating.
            </span>
          </div>
          <label className="check strict-check">
            <input type="checkbox" checked={options.strict} onChange={(e) => onOptions({ ...options, strict: e.target.checked })} />
            All or nothing: import nothing if any row has a problem
          </label>
        </div>
      </div>
      <FormError error={error} />
      <div className="wizard-actions">
        <Button variant="ghost" onClick={onBack}>
          Back
        </Button>
        <Button variant="primary" icon="upload" busy={starting} disabled={busy || !mappedFields.length} onClick={onStart}>
          {rejected !== null ? `Import ${compact(p.rows_read - rejected)} rows` : 'Import'}
        </Button>
      </div>
    </div>
  );
}

function displayValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v))
    return v.map((x) => (x && typeof x === 'object' ? String((x as { e164?: string; raw?: string }).e164 ?? (x as { raw?: string }).raw ?? JSON.stringify(x)) : String(x))).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const countLabels: [keyof ImportCounts, string][] = [
  ['created', 'Created'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['merged', 'Merged'],
  ['rejected', 'Skipped'],
  ['duplicates_queued', 'To review'],
  ['flagged', 'Kept as written'],
  ['customers_created', 'Customers created'],
  ['deals_created', 'Deals opened'],
];
/** Counts shown only when something happened: they do not apply to every kind of import. */
const optionalCounts = new Set<keyof ImportCounts>(['flagged', 'customers_created', 'deals_created']);

function ResultStep({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const c = job.counts;
  const ok = job.status === 'done';
  return (
    <div className="wizard-body">
      <div className={`result-head ${ok ? 'good' : 'bad'}`}>
        <Icon name={ok ? 'check' : 'alert'} size={22} />
        <div>
          <h2>{ok ? `Imported ${job.file_name ?? 'the file'}` : job.status === 'rejected' ? 'Nothing was imported' : job.status === 'undone' ? 'This import was undone' : 'The import failed'}</h2>
          <p className="muted">{ok ? `${compact(c?.rows ?? 0)} rows read.` : (job.error ?? (job.status === 'rejected' ? 'Some rows have problems and “all or nothing” was chosen.' : ''))}</p>
        </div>
      </div>
      {c && (
        <dl className="result-counts">
          {countLabels
            .filter(([k]) => !optionalCounts.has(k) || (c[k] ?? 0) > 0)
            .map(([k, label]) => (
              <div key={k} className={(k === 'rejected' || k === 'duplicates_queued' || k === 'flagged') && (c[k] ?? 0) > 0 ? 'warn' : undefined}>
                <dt>{label}</dt>
                <dd>{compact(c[k] ?? 0)}</dd>
              </div>
            ))}
        </dl>
      )}
      <div className="wizard-actions wizard-actions-start">
        {c && (c.duplicates_queued ?? 0) > 0 && (
          <Link to="/duplicates" className="btn btn-primary btn-md">
            <Icon name="merge" size={17} /> Review {c.duplicates_queued} possible {c.duplicates_queued === 1 ? 'duplicate' : 'duplicates'}
          </Link>
        )}
        {c && (c.rejected > 0 || (c.flagged ?? 0) > 0) && (
          <a className="btn btn-secondary btn-md" href={`/api/imports/${encodeURIComponent(job.id)}/errors.csv`} download>
            <Icon name="download" size={17} />{' '}
            {c.rejected > 0
              ? `Download the ${c.rejected} skipped ${c.rejected === 1 ? 'row' : 'rows'}${(c.flagged ?? 0) > 0 ? ' and the values kept as written' : ''} with reasons`
              : 'Download the values kept as written, with reasons'}
          </a>
        )}
        {job.kind === 'customers' && ok && (
          <Link to="/customers" className="btn btn-secondary btn-md">
            See customers
          </Link>
        )}
        <Button variant={c && (c.duplicates_queued ?? 0) > 0 ? 'secondary' : 'primary'} className="push-end" onClick={onAnother}>
          Import another file
        </Button>
      </div>
    </div>
  );
}

function ImportHistory({ state }: { state: { data: { data: ImportJob[] } | undefined; loading: boolean; error: unknown; reload: () => void } }) {
  const toast = useToast();
  const [undoing, setUndoing] = useState<string | null>(null);
  const [undoProgress, setUndoProgress] = useState<{ undone: number; total: number } | null>(null);
  const [confirming, setConfirming] = useState<ImportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function undo(j: ImportJob) {
    setConfirming(null);
    setUndoing(j.id);
    setError(null);
    try {
      // The undo runs as a job on the server: follow its progress until it is done.
      const job = await api.post<Job<{ undone: number; total: number }>>(`/api/imports/${encodeURIComponent(j.id)}/undo`);
      await waitForJob<{ undone: number; total: number }>(job.id, (update) => setUndoProgress(update.progress));
      toast(`Import of ${j.file_name ?? j.kind} undone.`);
      state.reload();
    } catch (e) {
      setError(e);
    } finally {
      setUndoing(null);
      setUndoProgress(null);
    }
  }
  const rows = state.data?.data ?? [];
  return (
    <Card title="Import history" id="history" className="section-gap">
      {state.loading && !state.data ? (
        <Loading />
      ) : state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : rows.length === 0 ? (
        <EmptyState icon="upload" title="No imports yet">
          Every import is listed here and can be undone.
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Created
                </th>
                <th scope="col" className="num">
                  Updated
                </th>
                <th scope="col" className="num">
                  Merged
                </th>
                <th scope="col" className="num">
                  Skipped
                </th>
                <th scope="col">When</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((j) => (
                <tr key={j.id} className={j.status === 'undone' ? 'muted' : undefined}>
                  <td className="col-name">
                    {j.file_name ?? j.id}
                    <span className="muted small cell-sub">
                      {j.kind}
                      {j.source ? ` · ${j.source}` : ''}
                    </span>
                  </td>
                  <td>
                    <Badge tone={j.status === 'done' ? 'success' : j.status === 'failed' || j.status === 'rejected' ? 'danger' : j.status === 'undone' ? 'neutral' : 'accent'}>
                      {j.status === 'done' ? 'Done' : j.status === 'undone' ? 'Undone' : j.status === 'running' ? 'Running' : j.status === 'rejected' ? 'Rejected' : 'Failed'}
                    </Badge>
                  </td>
                  <td className="num">{compact(j.counts?.created ?? 0)}</td>
                  <td className="num">{compact(j.counts?.updated ?? 0)}</td>
                  <td className="num">{compact(j.counts?.merged ?? 0)}</td>
                  <td className="num">
                    {j.counts && j.counts.rejected > 0 ? (
                      <a href={`/api/imports/${encodeURIComponent(j.id)}/errors.csv`} download title="Download the skipped rows with reasons">
                        {compact(j.counts.rejected)}
                      </a>
                    ) : (
                      '0'
                    )}
                  </td>
                  <td title={formatDateTime(j.created_at)}>{relativeTime(j.created_at)}</td>
                  <td className="num">
                    {j.status === 'done' && (
                      <Button size="sm" variant="ghost" icon="undo" busy={undoing === j.id} onClick={() => setConfirming(j)} aria-label={`Undo import of ${j.file_name ?? j.id}`}>
                        {undoing === j.id && undoProgress && undoProgress.total > 0 ? `Undoing ${Math.floor((100 * undoProgress.undone) / undoProgress.total)}%` : 'Undo'}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormError error={error} />
      <ConfirmDialog open={confirming !== null} onCancel={() => setConfirming(null)} onConfirm={() => confirming && void undo(confirming)} title="Undo this import?" confirmLabel="Undo import">
        <p>
          Records created by “{confirming?.file_name ?? confirming?.id}” are removed and records it changed get their previous values back. Changes you made since then to those records may be lost.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
