import { describe, expect, it } from 'vitest';
import { SendPace } from '../../../bot/channels/send-pace.ts';

describe('SendPace', () => {
  it('counts sends made without waiting against the budget, so paced sends slow down behind them, by at most a second', async () => {
    let t = 0;
    const pace = new SendPace(10, 1, () => t);
    // A reply within a turn spends the one token there was: a paced send must now wait for the next.
    pace.spend();
    let went = false;
    const next = pace.take().then(() => (went = true));
    await new Promise((r) => setTimeout(r, 5));
    expect(went).toBe(false);
    t += 100;
    await next;
    expect(went).toBe(true);

    // A burst of 50 replies puts the budget in debt by at most one second's worth (10 sends at 10/s).
    for (let i = 0; i < 50; i++) pace.spend();
    went = false;
    const later = pace.take().then(() => (went = true));
    t += 1_000;
    await new Promise((r) => setTimeout(r, 5));
    expect(went).toBe(false);
    t += 100;
    await later;
    expect(went).toBe(true);
  });
});
