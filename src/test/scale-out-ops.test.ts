import { expect, it } from 'vitest';
import { describeEachDatabase, startHarness, DATABASE_KINDS } from './harness.js';
import { roadReport } from './fixtures.js';

describeEachDatabase('operations: readiness, metrics, request ids', (h) => {
  it('is live and ready without Redis (embedded mode), each answer carrying its request id', async () => {
    const live = await h().call('GET', '/api/v1/health');
    expect(live.status).toBe(200);
    const ready = await h().call('GET', '/api/v1/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'up', redis: 'not_configured', shuttingDown: false });
    const a = ready.headers.get('x-request-id');
    const b = live.headers.get('x-request-id');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    // A client's own X-Request-Id is not taken over: ids are the server's.
    const forged = await h().call('GET', '/api/v1/health', { headers: { 'x-request-id': 'forged' } });
    expect(forged.headers.get('x-request-id')).not.toBe('forged');
  });

  it('serves Prometheus metrics to the loopback address: request latency by route, SLA overdue and outbox gauges, batches, process metrics', async () => {
    const c = await h().citizen();
    await h().call('GET', '/api/v1/reports/mine', { token: c.token });
    const filed = await Promise.all([1, 2, 3].map((i) => h().call('POST', '/api/v1/reports', { token: c.token, body: roadReport({ title: `Metrik nomor ${i}` }) })));
    expect(filed.map((r) => r.status)).toEqual([201, 201, 201]);
    const res = await h().call('GET', '/metrics');
    const counted = (name: string, batch: string) => Number(new RegExp(`${name}\\{batch="${batch}"\\} ([\\d.e+-]+)`).exec(res.text)?.[1]);
    // Three filings in one or more batches; the citizen's session looked up once, then answered from memory.
    expect(counted('khidmat_batch_items_total', 'report_filing')).toBeGreaterThanOrEqual(3);
    expect(counted('khidmat_batches_total', 'report_filing')).toBeGreaterThanOrEqual(1);
    expect(counted('khidmat_batches_total', 'report_filing')).toBeLessThanOrEqual(counted('khidmat_batch_items_total', 'report_filing'));
    expect(counted('khidmat_batch_seconds_total', 'report_filing')).toBeGreaterThan(0);
    expect(counted('khidmat_batch_items_total', 'session_lookup')).toBeGreaterThanOrEqual(1);
    expect(res.text).toMatch(/khidmat_principal_cache_listening 1/);
    expect(Number(/khidmat_principal_cache_requests_total\{result="hit"\} (\d+)/.exec(res.text)?.[1])).toBeGreaterThanOrEqual(3);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.text).toMatch(/khidmat_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/reports\/mine",status="200"\} 1/);
    expect(res.text).toMatch(/khidmat_sla_overdue_reports\{status="submitted"\} 0/);
    expect(res.text).toMatch(/khidmat_outbox_messages\{status="pending"\} \d+/);
    expect(res.text).toMatch(/khidmat_outbox_messages\{status="failed"\} 0/);
    expect(res.text).toContain('process_resident_memory_bytes');
    expect(res.text).not.toContain('/api/v1/reports/DMI-');
  });
});

for (const kind of DATABASE_KINDS) {
  it(`with METRICS_TOKEN, /metrics needs that bearer token, even from loopback [${kind}]`, async () => {
    const h = await startHarness(kind, { metricsToken: 'rahasia-metrik' });
    try {
      expect((await h.call('GET', '/metrics')).status).toBe(404);
      expect((await h.call('GET', '/metrics', { token: 'salah' })).status).toBe(404);
      const ok = await h.call('GET', '/metrics', { token: 'rahasia-metrik' });
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('khidmat_http_request_duration_seconds');
    } finally {
      await h.close();
    }
  });
}
