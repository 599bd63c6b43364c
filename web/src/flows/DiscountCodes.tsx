import { Card } from '../components/ui';
import { formatNumber } from '../lib/format';
import type { Flow } from './types';

type Figures = NonNullable<Flow['counts']>['discount_codes'];

const plural = (n: number, one: string, many: string) => `${formatNumber(n, true)} ${n === 1 ? one : many}`;

/** The personal discount codes the flow's messages handed out ({{ discount_code }}) and the orders that redeemed them. */
export function DiscountCodes({ figures, named }: { figures: Figures | undefined; named: boolean }) {
  if (!figures || (!named && figures.issued === 0)) return null;
  return (
    <Card title="Discount codes" id="flow-discount-codes">
      <div className="card-pad stack">
        <p aria-label="Discount code figures">
          {plural(figures.issued, 'code handed out', 'codes handed out')} · {plural(figures.redeemed, 'redeemed', 'redeemed')} · {plural(figures.orders, 'order', 'orders')}
          {figures.refused > 0 && <> · {plural(figures.refused, 'order refused', 'orders refused')} (a code already used)</>}
        </p>
        <p className="muted small">Each customer gets their own code, good for one order. An order carrying it (API, edit or import column) redeems it.</p>
      </div>
    </Card>
  );
}
