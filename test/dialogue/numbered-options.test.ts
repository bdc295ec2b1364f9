import { describe, expect, it } from 'vitest';
import { numberedOptions, unnumberedLabel, withNumberedOptions } from '../../src/dialogue/numbered-options.ts';

const options = [{ id: 'a', label: 'Có' }, { id: 'b', label: 'Không' }];

describe('numbered options', () => {
  it('lists options with their numbers for channels without buttons', () => {
    expect(withNumberedOptions({ text: 'Bạn có bán online không?', options })).toBe('Bạn có bán online không?\n1. Có\n2. Không');
  });

  it('puts the number on the buttons themselves, once, and lists such options without numbering them again', () => {
    const numbered = numberedOptions(options);
    expect(numbered.map((o) => o.label)).toEqual(['1. Có', '2. Không']);
    expect(numbered.map((o) => o.id)).toEqual(['a', 'b']);
    expect(numberedOptions(numbered)).toEqual(numbered);
    expect(withNumberedOptions({ text: 'Câu hỏi', options: numbered })).toBe('Câu hỏi\n1. Có\n2. Không');
  });

  it('reads a label back without its number', () => {
    expect(unnumberedLabel('12. Tạm dừng')).toBe('Tạm dừng');
    expect(unnumberedLabel('15/3 là ngày gì')).toBe('15/3 là ngày gì');
  });
});
