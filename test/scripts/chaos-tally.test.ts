import { describe, expect, it } from 'vitest';
import { tally } from '../../scripts/chaos-tally.ts';

const expected = [['Chào bạn'], ['Trả lời 1a', 'Trả lời 1b']];
const isApology = (text: string) => text.startsWith('Xin lỗi, hệ thống');

describe('the chaos tally', () => {
  it('counts a chat that got every part once as clean', () => {
    const received = new Map([['c1', [{ text: 'Chào bạn', at: 1 }, { text: 'Trả lời 1a', at: 2 }, { text: 'Trả lời 1b', at: 3 }]]]);
    expect(tally({ expected, received, kills: [], inFlightMs: 50, isApology })).toMatchObject({ turns: 2, lost: 0, apologies: 0, duplicatesAvoidable: 0, duplicatesInFlight: 0, unexpected: 0 });
  });

  it('counts the turns of a chat that is missing a part, or received nothing, as lost', () => {
    const received = new Map([
      ['c1', [{ text: 'Chào bạn', at: 1 }, { text: 'Trả lời 1a', at: 2 }]],
      ['c2', []],
    ]);
    expect(tally({ expected, received, kills: [], inFlightMs: 50, isApology })).toMatchObject({ turns: 4, lost: 3 });
  });

  it('calls a repeat in flight when its first copy was answered just before a kill, avoidable otherwise', () => {
    const received = new Map([
      [
        'c1',
        [
          { text: 'Chào bạn', at: 1_000 },
          { text: 'Trả lời 1a', at: 1_980 },
          { text: 'Trả lời 1a', at: 3_000 },
          { text: 'Trả lời 1b', at: 3_001 },
          { text: 'Chào bạn', at: 3_002 },
        ],
      ],
    ]);
    const result = tally({ expected, received, kills: [{ at: 2_000, instance: 0 }], inFlightMs: 50, isApology });
    // "Trả lời 1a" was answered 20 ms before the kill: in flight. "Chào bạn" 1 s before: avoidable.
    expect(result).toMatchObject({ duplicatesInFlight: 1, duplicatesAvoidable: 1, inFlightPerKill: [1], duplicateAgesMs: [20, 1_000], lost: 0 });
  });

  it('calls a repeat in flight when the platform answered its first copy just after the kill (a request written before it)', () => {
    const received = new Map([['c1', [{ text: 'Chào bạn', at: 2_030 }, { text: 'Chào bạn', at: 5_000 }, { text: 'Trả lời 1a', at: 5_001 }, { text: 'Trả lời 1b', at: 5_002 }]]]);
    const result = tally({ expected, received, kills: [{ at: 2_000, instance: 0 }], inFlightMs: 50, isApology });
    expect(result).toMatchObject({ duplicatesInFlight: 1, duplicatesAvoidable: 0, duplicateAgesMs: [-30] });
    expect(result.duplicates).toEqual([{ chatId: 'c1', text: 'Chào bạn', firstAt: 2_030, againAt: 5_000, killAt: 2_000, inFlight: true }]);
  });

  it('counts a repeat with no kill between the copies as avoidable', () => {
    const received = new Map([['c1', [{ text: 'Chào bạn', at: 1 }, { text: 'Chào bạn', at: 2 }, { text: 'Trả lời 1a', at: 3 }, { text: 'Trả lời 1b', at: 4 }]]]);
    expect(tally({ expected, received, kills: [{ at: 10, instance: 0 }], inFlightMs: 50, isApology })).toMatchObject({ duplicatesAvoidable: 1, duplicatesInFlight: 0 });
  });

  it('counts apologies and replies that are not in the script apart', () => {
    const received = new Map([['c1', [{ text: 'Xin lỗi, hệ thống đang gặp sự cố', at: 1 }, { text: 'Một câu khác', at: 2 }]]]);
    expect(tally({ expected, received, kills: [], inFlightMs: 50, isApology })).toMatchObject({ apologies: 1, unexpected: 1, lost: 2 });
  });
});
