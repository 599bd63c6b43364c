/** The outgoing-mail module as other capabilities use it: queue a message in your transaction; the mail worker sends it after commit. */
export { queueMail, type QueueMailInput, type MailPurpose, type MailAttachment } from './queue.js';
export { deliverQueuedMail } from './deliver.js';
export { ownerAddress } from './settings.js';
