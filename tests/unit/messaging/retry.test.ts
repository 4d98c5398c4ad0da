import { describe, expect, it, vi } from 'vitest';
import { askedAgain } from '../../../lib/messaging/retry';

describe('a read asked again', () => {
  it('answers with the first success, after pauses that grow', async () => {
    vi.useFakeTimers();
    try {
      const ask = vi
        .fn<() => Promise<string>>()
        .mockRejectedValueOnce(new Error('no answer'))
        .mockRejectedValueOnce(new Error('no answer'))
        .mockResolvedValue('ok');
      const answer = askedAgain(ask, { retries: 3, pauseMs: 100 });
      await vi.advanceTimersByTimeAsync(99);
      expect(ask).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(ask).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(199);
      expect(ask).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(1);
      await expect(answer).resolves.toBe('ok');
      expect(ask).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up with the last error after its retries, or at once when told to', async () => {
    const failing = vi.fn<() => Promise<never>>().mockRejectedValue(new Error('stopped'));
    await expect(askedAgain(failing, { retries: 2, pauseMs: 1 })).rejects.toThrow('stopped');
    expect(failing).toHaveBeenCalledTimes(3);
    failing.mockClear();
    await expect(askedAgain(failing, { retries: 5, pauseMs: 1, giveUp: () => true })).rejects.toThrow('stopped');
    expect(failing).toHaveBeenCalledTimes(1);
  });
});
