/** One load run with autocannon, latencies kept per response so any percentile can be read. */
import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers other than 2xx, and connection errors or timeouts. */
  failures: number;
  /** The failures by HTTP status ('error' and 'timeout' for the others). */
  failedBy: Record<string, number>;
  /** When this is the median of repeated runs: each run's req/s, lowest first. */
  runs?: number[];
}

export interface LoadSpec {
  name: string;
  url: string;
  connections: number;
  seconds: number;
  method?: 'GET' | 'POST';
  /**
   * The request to send: the same each time, or made per request (rotating tokens, filters, points).
   * A fixed one is built once, as a client repeating it would; one made per request costs the load
   * generator, which shares the machine with the server, a request's rebuilding each time.
   */
  next: LoadRequest | ((i: number) => LoadRequest);
}

export interface LoadRequest {
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const asSent = (n: LoadRequest) => ({ path: n.path, headers: { ...(n.body ? { 'content-type': 'application/json' } : {}), ...n.headers }, ...(n.body ? { body: n.body } : {}) });

/**
 * `measure` run `runs` times, one after another, each announced as "<label>, run k of n…"; answers
 * the middle run by `figure`, carrying every run's figure, lowest first, for the table.
 */
export async function medianOfRuns<T>(runs: number, label: string, say: (line: string) => void, figure: (run: T) => number, measure: (run: number) => T | Promise<T>): Promise<T & { runs: number[] }> {
  const results: T[] = [];
  for (let run = 1; run <= runs; run++) {
    say(`${label}, run ${run} of ${runs}…`);
    results.push(await measure(run));
  }
  const sorted = results.sort((a, b) => figure(a) - figure(b));
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, runs: sorted.map(figure) };
}

/** A figure, and when it is a median the figures of all its runs in parentheses, for a table. */
export const withRuns = (figure: number, runs: number[] | undefined) => (runs && runs.length > 1 ? `${figure} (${runs.join(', ')})` : String(figure));

const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

export function load(spec: LoadSpec): Promise<LoadResult> {
  const { next } = spec;
  let i = 0;
  const times: number[] = [];
  let failures = 0;
  const failedBy: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.seconds,
        timeout: 30,
        requests: [
          typeof next === 'function'
            ? { method: spec.method ?? 'GET', setupRequest: (req) => ({ ...req, ...asSent(next(i++)) }) }
            : { method: spec.method ?? 'GET', ...asSent(next) },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const sorted = times.sort((a, b) => a - b);
        failures += result.errors + result.timeouts;
        if (result.errors) failedBy.error = result.errors;
        if (result.timeouts) failedBy.timeout = result.timeouts;
        resolve({
          name: spec.name,
          connections: spec.connections,
          seconds: spec.seconds,
          requests: sorted.length,
          rps: Math.round((sorted.length / result.duration) * 10) / 10,
          p50: Math.round(percentile(sorted, 50) * 10) / 10,
          p95: Math.round(percentile(sorted, 95) * 10) / 10,
          p99: Math.round(percentile(sorted, 99) * 10) / 10,
          failures,
          failedBy,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, ms) => {
      if (statusCode >= 200 && statusCode < 300) times.push(ms);
      else {
        failures++;
        failedBy[statusCode] = (failedBy[statusCode] ?? 0) + 1;
      }
    });
  });
}
