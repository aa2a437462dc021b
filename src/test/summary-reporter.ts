import type { Reporter, TestModule } from 'vitest/node';

const SLOWEST = 15;

/**
 * Prints the plain "N passed, N failed" closing line that CI reads, whatever the runner's own format,
 * after the slowest files (the suite must stay under 30 minutes on two cores: trim these first).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of modules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (mod.state() === 'failed' && !mod.children.size) failed++;
    }
    const slowest = modules
      .map((mod) => ({ name: `${mod.project.name}: ${mod.relativeModuleId}`, seconds: mod.diagnostic().duration / 1000 }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, SLOWEST);
    process.stdout.write(`\nSlowest files (tests and hooks):\n${slowest.map((f) => `  ${f.seconds.toFixed(1)} s  ${f.name}`).join('\n')}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
