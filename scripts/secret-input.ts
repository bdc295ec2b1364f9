// How a CLI takes a password without it ever being an argument (visible in `ps` and kept in the shell
// history): typed at a prompt that does not echo it, or, when standard input is not a terminal (a pipe,
// a file, a secrets manager), its first line.

export class SecretInputError extends Error {
  override readonly name = 'SecretInputError';
  constructor(
    message: string,
    readonly reason: 'cancelled' | 'empty',
  ) {
    super(message);
  }
}

/** The part of a TTY read stream the prompt uses (process.stdin when it is a terminal). */
export interface RawInput {
  setRawMode(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  off(event: 'data', listener: (chunk: string) => void): unknown;
}

// Bracketed paste wraps pasted text in these markers; they are not part of the password.
const pasteMarkers = /\u001b\[20[01]~/g;

/** Shows `prompt`, reads one line in raw mode (nothing is echoed) and returns it. */
export function promptSecret(prompt: string, input: RawInput, output: { write(text: string): unknown }): Promise<string> {
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (outcome: () => void) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      outcome();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk.replace(pasteMarkers, '')) {
        if (ch === '\r' || ch === '\n') return finish(() => resolve(value));
        // Ctrl-C, or Ctrl-D on an empty line: the person gave up.
        if (ch === '\u0003' || (ch === '\u0004' && value === '')) return finish(() => reject(new SecretInputError('cancelled', 'cancelled')));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
  });
}

/** The first line of a non-terminal standard input, without its line ending; spaces are kept. */
export async function readSecretLine(input: AsyncIterable<Buffer | string>): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    if (text.includes('\n')) break;
  }
  const line = text.split('\n')[0]!.replace(/\r$/, '');
  if (line === '') throw new SecretInputError('empty', 'empty');
  return line;
}
