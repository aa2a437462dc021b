import type { AppContext } from '../context.js';
import type { Principal } from '../auth/principal.js';
import type { SignedDocument, SignedDocumentInput } from './types.js';

// First version of the interface only, so that callers compile; the signing lands in the next commits.
export async function issueSignedDocument(_ctx: AppContext, _input: SignedDocumentInput): Promise<SignedDocument> {
  throw new Error('signing: not landed yet');
}

export async function revokeSignedDocument(_ctx: AppContext, _id: string, _reason: string, _by: Principal): Promise<void> {
  throw new Error('signing: not landed yet');
}
