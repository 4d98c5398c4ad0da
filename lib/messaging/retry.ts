/**
 * A read asked again when it failed, a few times with a growing pause: the background may be
 * stopping or starting as the message arrives (a Firefox event page woken by it answers once its
 * listener is registered; one stopped as it idles answers nothing). Only for calls that change
 * nothing, which may safely run twice.
 */
export async function askedAgain<T>(
  ask: () => Promise<T>,
  options: { retries: number; pauseMs: number; giveUp?: () => boolean },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      if (attempt > options.retries || options.giveUp?.()) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.pauseMs * attempt));
    }
  }
}
