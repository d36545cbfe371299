import { readConfig } from '../../src/config';
import { RestartBudget } from '../../src/server/restart-budget';

describe('RestartBudget', () => {
  test('allows max restarts within the window, then refuses until the oldest falls out of it', () => {
    const budget = new RestartBudget(3, 60_000);
    expect([0, 10, 20].map((at) => budget.take(at))).toEqual([true, true, true]);
    expect(budget.take(59_999)).toBe(false);
    expect(budget.take(60_000)).toBe(true);
    expect(budget.take(60_001)).toBe(false);
  });
});

describe('TRADEGRAPH_WORKERS', () => {
  test('is 1 unless set, and a whole number from 1 to 64', () => {
    expect(readConfig({}).workers).toBe(1);
    expect(readConfig({ TRADEGRAPH_WORKERS: '2' }).workers).toBe(2);
    expect(() => readConfig({ TRADEGRAPH_WORKERS: '0' })).toThrow(/TRADEGRAPH_WORKERS/);
    expect(() => readConfig({ TRADEGRAPH_WORKERS: '1.5' })).toThrow(/TRADEGRAPH_WORKERS/);
  });
});
