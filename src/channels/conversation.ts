/**
 * The filing dialogue as data: in each state, which kind of answer leads where. The bot (bot.ts)
 * reads an incoming message as one of these answers given the state it arrives in; an answer the
 * state has no entry for keeps the state and the bot asks again. SMS has no photo step.
 */
export const CONVERSATION_STATES = ['khidmat', 'category', 'description', 'photo', 'location', 'confirm'] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];

/** An incoming message as the state reads it. */
export type Answer = 'choice' | 'back' | 'text' | 'photo' | 'skip' | 'location' | 'kelurahan' | 'yes' | 'no';

/** 'filed': the report is written and the conversation ends; 'restart': back to the first question. */
export type Outcome = ConversationState | 'filed' | 'restart';

export const TRANSITIONS: Readonly<Record<ConversationState, Partial<Record<Answer, Outcome>>>> = {
  // Six khidmat first, then the sub-categories of the one chosen: short numbered lists for a small screen.
  khidmat: { choice: 'category' },
  category: { choice: 'description', back: 'khidmat' },
  description: { text: 'photo' },
  photo: { photo: 'location', skip: 'location' },
  location: { location: 'confirm', kelurahan: 'confirm' },
  confirm: { yes: 'filed', no: 'restart' },
};

/** Steps a channel cannot take: SMS carries no photos. */
const SKIPPED: Readonly<Record<'whatsapp' | 'sms', readonly ConversationState[]>> = { whatsapp: [], sms: ['photo'] };

/** What the reporter has given so far. */
export interface Draft {
  khidmatCode?: string;
  categoryCode?: string;
  description?: string;
  photoIds?: string[];
  lat?: number;
  lng?: number;
  kelurahanCode?: string;
  /** The place as the reporter named it (a shared location's name or address, or the kelurahan typed). */
  place?: string;
  /** The sender's WhatsApp profile name, as the reporter's name on the report. */
  name?: string;
}

/** The state after an answer, or null when the state does not take that answer (ask again). */
export function next(state: ConversationState, answer: Answer, channel: 'whatsapp' | 'sms'): Outcome | null {
  let to = TRANSITIONS[state][answer] ?? null;
  // A skipped step takes its 'skip' way on.
  while (to && to !== 'filed' && to !== 'restart' && SKIPPED[channel].includes(to)) to = TRANSITIONS[to].skip ?? null;
  return to;
}

/** Where a new conversation starts. */
export const FIRST_STATE: ConversationState = 'khidmat';
