/**
 * Channels — the city's WhatsApp and SMS numbers: residents file complaints in a conversation
 * (through aduan's intake), ask a report's status, opt out, and link their number to an account.
 * The adapters that send (and the delivery worker) are core's notifications; this module answers.
 */
import type { KhidmatModule } from '../core/module.js';
import { channelRoutes } from './routes.js';
import { CONVERSATION_TTL_MS } from './bot.js';
import { sweepStale } from './queries.js';

const V1 = '/api/v1';

export const channels: KhidmatModule = {
  name: 'channels',
  summary: 'WhatsApp and SMS: filing by conversation, status questions, opt-out, linking a number to an account',
  routes: [{ plugin: channelRoutes }],
  access: {
    // Providers call these: a signature or a shared token, checked by the route, stands for a session.
    [`GET ${V1}/channels/whatsapp/webhook`]: 'public',
    [`POST ${V1}/channels/whatsapp/webhook`]: 'public',
    [`POST ${V1}/channels/sms/inbound`]: 'public',
    [`POST ${V1}/channels/sms/status`]: 'public',
    [`POST ${V1}/channels/link-code`]: 'self',
  },
  jobs: (ctx) => [
    {
      name: 'channel-sweep',
      everyMs: 3600_000,
      // Providers resend a webhook for up to a week: its message id is kept that long.
      run: () => sweepStale(ctx.db, new Date(ctx.clock().getTime() - CONVERSATION_TTL_MS), new Date(ctx.clock().getTime() - 8 * 86_400_000)),
    },
  ],
};
