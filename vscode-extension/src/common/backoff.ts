/**
 * When to restart a server that crashed: waits that double after each crash in a row, a
 * limit after which we give up, and a fresh start once the server stayed up long enough.
 */

export interface BackoffOptions {
    initialMs: number;
    maxMs: number;
    /** A run at least this long counts as healthy and resets the count. */
    stableMs: number;
    /** Crashes in a row after which no restart is scheduled. */
    maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30_000, stableMs: 60_000, maxAttempts: 5 };

export class RestartBackoff {
    private attempts = 0;
    private startedAt: number | undefined;

    constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {}

    /** Record that the server started at `now` (milliseconds). */
    started(now: number): void {
        this.startedAt = now;
    }

    /** The wait before the next restart after a crash at `now`, or undefined to give up. */
    nextDelay(now: number): number | undefined {
        if (this.startedAt !== undefined && now - this.startedAt >= this.options.stableMs) {
            this.attempts = 0;
        }
        this.startedAt = undefined;
        if (this.attempts >= this.options.maxAttempts) {
            return undefined;
        }
        const delay = Math.min(this.options.initialMs * 2 ** this.attempts, this.options.maxMs);
        this.attempts += 1;
        return delay;
    }

    /** Forget past crashes (a restart the user asked for). */
    reset(): void {
        this.attempts = 0;
        this.startedAt = undefined;
    }
}
