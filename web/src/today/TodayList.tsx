import type { IconName } from '../components/Icon';
import { Icon } from '../components/Icon';
import { Badge, EmptyState } from '../components/ui';
import { formatMoney } from '../lib/format';
import { Link } from '../lib/router';
import type { TodayItem, TodayKind } from './types';
import './today.css';

const kinds: Record<TodayKind, { label: string; icon: IconName }> = {
  task: { label: 'Task', icon: 'task' },
  deal: { label: 'Rotten deal', icon: 'chart' },
  quote: { label: 'Quote', icon: 'file' },
  contract: { label: 'Contract', icon: 'calendar' },
  customer: { label: 'Call', icon: 'phone' },
};

/** One ranked list: the money at stake, what it is, and why, in words. */
export function TodayList({ items, compact = false }: { items: TodayItem[]; compact?: boolean }) {
  if (items.length === 0)
    return (
      <EmptyState icon="check" title="Nothing at stake right now">
        No due tasks, rotten deals, waiting quotes, contracts to renew or customers to call.
      </EmptyState>
    );
  return (
    <ol className={`today-list${compact ? ' today-compact' : ''}`}>
      {items.map((item) => (
        <li key={`${item.kind}:${item.id}`} className="today-item">
          <span className="today-kind" title={kinds[item.kind].label}>
            <Icon name={kinds[item.kind].icon} aria-hidden="true" />
            <span className="sr-only">{kinds[item.kind].label}</span>
          </span>
          <div className="today-body">
            <Link to={item.link} className="today-title">
              {item.title}
            </Link>
            <p className="today-reason muted small">{item.reason}</p>
          </div>
          <div className="today-value" aria-label={`Expected value ${formatMoney(item.expected_value, item.currency)}`}>
            <strong>{formatMoney(item.expected_value, item.currency)}</strong>
            {!item.comparable && <Badge tone="warning">other currency</Badge>}
          </div>
        </li>
      ))}
    </ol>
  );
}
