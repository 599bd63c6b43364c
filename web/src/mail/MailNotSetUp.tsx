import { Link } from '../lib/router';
import { useMailSettings } from './hooks';

/**
 * Says, where mail is sent from (a campaign, a quote, the list of sent email), that no SMTP server is set
 * up yet: messages are queued and none leaves until one is. Nothing while the settings load or once they
 * are complete.
 */
export function MailNotSetUp() {
  const settings = useMailSettings();
  if (!settings.data || settings.data.configured) return null;
  return (
    <p className="notice" role="status" data-testid="mail-not-set-up">
      Email is not set up yet: messages wait in the queue and none is delivered until you add your SMTP server in <Link to="/settings">Settings</Link>, under Email.
    </p>
  );
}
