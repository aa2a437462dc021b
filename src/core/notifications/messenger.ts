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

/**
 * The provider answered and did not take the message: `permanent` when retrying will not change it (a
 * bad number, a template it does not know). Any other error (no answer, a dropped connection) leaves
 * open whether it took the message.
 */
export class ProviderRefusal extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** The provider's answer as a refusal: 4xx but 408/429 is permanent, anything else may pass later. */
export async function sendError(provider: string, res: Response): Promise<ProviderRefusal> {
  const text = (await res.text().catch(() => '')).slice(0, 300);
  return new ProviderRefusal(`${provider} ${res.status}: ${text}`, res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429);
}

/** Accounts keep numbers as +628…; WhatsApp and SMS gateways speak 628…, the form kept in the outbox and contacts. */
export const bareNumber = (stored: string): string => stored.replace(/^\+/, '');
