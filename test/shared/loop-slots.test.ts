import { describe, expect, it } from 'vitest';
import { LoopSlots } from '../../src/shared/loop-slots.ts';

describe('LoopSlots', () => {
  it('hands slots out in order, one per turn of the event loop, with I/O callbacks in between', async () => {
    const slots = new LoopSlots();
    const events: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    // Three pieces of synchronous work asked for at once; a timer (standing for a socket's data)
    // becomes due while the first one runs.
    const work = [1, 2, 3].map(async (n) => {
      await slots.next();
      events.push(`work ${n}`);
      if (n === 1) setTimeout(() => events.push('timer'), 0);
      busy(5);
    });
    await Promise.all(work);
    // The timer's callback runs before the second piece: the loop went round between the two.
    expect(events).toEqual(['work 1', 'timer', 'work 2', 'work 3']);
  });
});
