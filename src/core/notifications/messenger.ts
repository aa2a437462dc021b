/** What a WhatsApp or SMS adapter is given and answers, so the delivery worker treats them alike. */
export interface OutgoingMessage {
  /** The number in international form without '+' (6281234567890). */
  to: string;
  /** The text: a free-form reply, or the SMS of a notice. */
  text: string;
  /** A WhatsApp notice's approved template; an SMS ignores it. */
  template?: { name: string; language: string; params: string[] } | undefined;
  /** Our id of the message (outbox-<id>): the provider echoes it in its status webhooks. */
  ref: string;
}

export type Messenger = (message: OutgoingMessage) => Promise<{ providerMessageId: string | null }>;

/** A refusal that retrying will not change (a bad number, a template the provider does not know). */
export class PermanentSendError extends Error {}

/** The provider's answer as an error: 4xx but 408/429 is permanent, anything else may pass later. */
export async function sendError(provider: string, res: Response): Promise<Error> {
  const text = (await res.text().catch(() => '')).slice(0, 300);
  const message = `${provider} ${res.status}: ${text}`;
  return res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429 ? new PermanentSendError(message) : new Error(message);
}

/** Accounts keep numbers as +628…; WhatsApp and SMS gateways speak 628…, the form kept in the outbox and contacts. */
export const bareNumber = (stored: string): string => stored.replace(/^\+/, '');
