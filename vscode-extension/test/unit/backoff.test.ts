import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { RestartBackoff } from '../../src/common/backoff';

const options = { initialMs: 100, maxMs: 500, stableMs: 10_000, maxAttempts: 4 };

describe('RestartBackoff', () => {
    it('doubles the wait after each crash in a row, up to the maximum, then gives up', () => {
        const backoff = new RestartBackoff(options);
        const delays = [0, 1, 2, 3, 4].map((i) => {
            backoff.started(i * 1000);
            return backoff.nextDelay(i * 1000 + 10);
        });
        assert.deepEqual(delays, [100, 200, 400, 500, undefined]);
    });

    it('starts over after a run that lasted long enough', () => {
        const backoff = new RestartBackoff(options);
        backoff.nextDelay(0);
        backoff.nextDelay(1);
        backoff.started(100);
        assert.equal(backoff.nextDelay(100 + 10_000), 100);
    });

    it('starts over when reset (a restart the user asked for)', () => {
        const backoff = new RestartBackoff(options);
        [0, 1, 2, 3].forEach((t) => backoff.nextDelay(t));
        assert.equal(backoff.nextDelay(5), undefined);
        backoff.reset();
        assert.equal(backoff.nextDelay(6), 100);
    });
});
