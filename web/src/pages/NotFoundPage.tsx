import { EmptyState } from '../components/ui';
import { Link } from '../lib/router';

export function NotFoundPage() {
  return (
    <div className="page">
      <EmptyState
        icon="alert"
        title="Page not found"
        action={
          <Link to="/" className="btn btn-secondary btn-md">
            Go to the dashboard
          </Link>
        }
      >
        There is nothing at this address.
      </EmptyState>
    </div>
  );
}
