/**
 * Bulk loading for the synthetic seeders: COPY … FROM STDIN through pg's copy sub-protocol, rows
 * written as they are generated (with back-pressure) in ~256 KB protocol messages.
 */
import { EventEmitter, once } from 'node:events';
import type pg from 'pg';

/** COPY … FROM STDIN as a pg "submittable": rows are written as they are generated, with back-pressure. */
class CopyIn extends EventEmitter {
  private error: Error | undefined;
  readonly done: Promise<void>;
  private settle!: { resolve(): void; reject(e: Error): void };
  constructor(
    private readonly text: string,
    private readonly chunks: Iterable<string>,
  ) {
    super();
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
  }
  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: { stream: NodeJS.WritableStream & { writableNeedDrain?: boolean }; sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void; sendCopyFail(m: string): void }): void {
    void (async () => {
      try {
        for (const chunk of this.chunks) {
          connection.sendCopyFromChunk(Buffer.from(chunk));
          if (connection.stream.writableNeedDrain) await once(connection.stream, 'drain');
        }
        connection.endCopyFrom();
      } catch (err) {
        connection.sendCopyFail(String(err));
      }
    })();
  }
  handleError(err: Error): void {
    this.error = err;
  }
  handleReadyForQuery(): void {
    if (this.error) this.settle.reject(this.error);
    else this.settle.resolve();
  }
  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

export type Cell = string | number | boolean | Date | null | undefined;
/** COPY text format: tab-separated, \N for null, backslash escapes. */
const cell = (v: Cell): string =>
  v === null || v === undefined ? '\\N' : v instanceof Date ? v.toISOString() : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

/** Rows batched into ~256 KB strings: fewer, larger protocol messages. */
function* batches(rows: Iterable<Cell[]>): Generator<string> {
  let buf = '';
  for (const row of rows) {
    buf += row.map(cell).join('\t') + '\n';
    if (buf.length > 256_000) {
      yield buf;
      buf = '';
    }
  }
  if (buf) yield buf;
}

export async function copy(client: pg.PoolClient, table: string, columns: string[], rows: Iterable<Cell[]>): Promise<void> {
  const q = new CopyIn(`copy ${table} (${columns.join(', ')}) from stdin`, batches(rows));
  client.query(q as unknown as pg.QueryConfig);
  await q.done;
}
