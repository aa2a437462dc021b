/**
 * The portal's items (berita, pengumuman, gangguan layanan, klarifikasi hoaks) as the city's
 * humas desk runs them: an editor (portal_editor) writes a draft, a checker (portal_checker, the
 * redaktur) checks it and publishes it; a published item can be taken down again (back to a draft)
 * or archived, and a disruption notice is ended when the service is back. An edit always returns
 * the item to a draft, so nothing reaches the public unchecked.
 */
import { workflow, type Transition } from '../core/workflow/transitions.js';

export const KINDS = ['berita', 'pengumuman', 'gangguan', 'klarifikasi'] as const;
export type Kind = (typeof KINDS)[number];

export const ITEM_STATUSES = ['draft', 'checked', 'published', 'archived'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Who acts, as the lifecycle sees it (access.ts maps roles onto these). */
export type Actor = 'editor' | 'checker';

export const TRANSITIONS = {
  edit: { from: ['draft', 'checked'], to: 'draft', by: ['editor'] },
  check: { from: ['draft'], to: 'checked', by: ['checker'] },
  return: { from: ['checked'], to: 'draft', by: ['checker'] },
  publish: { from: ['checked'], to: 'published', by: ['checker'] },
  unpublish: { from: ['published'], to: 'draft', by: ['checker'] },
  archive: { from: ['draft', 'checked', 'published'], to: 'archived', by: ['checker'] },
  // A disruption notice stays published when the service is back, marked ended.
  end: { from: ['published'], to: 'same', by: ['editor', 'checker'] },
} as const satisfies Record<string, Transition<ItemStatus, Actor>>;

export type ItemAction = keyof typeof TRANSITIONS;
/** The steps taken through their own route (an edit is the PATCH). */
export type StepAction = Exclude<ItemAction, 'edit'>;
export const STEP_ACTIONS = Object.keys(TRANSITIONS).filter((a) => a !== 'edit') as StepAction[];

export const lifecycle = workflow<ItemAction, ItemStatus, Actor>(TRANSITIONS, { id: 'naskah portal', en: 'portal item' });

/** A hoax clarification's verdict, in the labels Kominfo's clarifications use. */
export const VERDICTS = ['hoaks', 'disinformasi', 'misinformasi', 'benar'] as const;
export type Verdict = (typeof VERDICTS)[number];
