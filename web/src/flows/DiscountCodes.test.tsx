// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DiscountCodes } from './DiscountCodes';

afterEach(cleanup);

describe('a flow’s discount codes', () => {
  it('shows codes handed out, redeemed, orders and refused orders', () => {
    render(<DiscountCodes figures={{ issued: 12, redeemed: 3, orders: 3, refused: 1 }} named />);
    expect(screen.getByLabelText('Discount code figures').textContent).toBe('12 codes handed out · 3 redeemed · 3 orders · 1 order refused (a code already used)');
  });

  it('shows nothing for a flow whose messages name no code and handed none out; a flow that names one shows its zeros', () => {
    const { container } = render(<DiscountCodes figures={{ issued: 0, redeemed: 0, orders: 0, refused: 0 }} named={false} />);
    expect(container.textContent).toBe('');
    render(<DiscountCodes figures={{ issued: 0, redeemed: 0, orders: 0, refused: 0 }} named />);
    expect(screen.getByLabelText('Discount code figures').textContent).toBe('0 codes handed out · 0 redeemed · 0 orders');
  });
});
