import type { Message } from '../errors.js';
import type { Notice } from '../notifications/outbox.js';

/**
 * The notice a case's owner gets when it moves: "<Subject> <number>: <status>", with the public
 * message as the body when there is one. `subject` is the case's name with its article ("Pengaduan"/
 * "Complaint", "Permohonan"/"Request"), `yours` the body's "your complaint" without one.
 */
export function caseStatusNotice(subject: Message, yours: Message, number: string, status: Message, publicMessage: string | null, link: string): Notice {
  return {
    title: { id: `${subject.id} ${number}: ${status.id}`, en: `${subject.en} ${number}: ${status.en}` },
    body: { id: publicMessage ?? `Status ${yours.id} Anda: ${status.id}.`, en: publicMessage ?? `Your ${yours.en}'s status: ${status.en}.` },
    link,
    template: { kind: 'status', params: [number, status.id, publicMessage ?? '-'] },
  };
}
