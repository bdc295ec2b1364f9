/**
 * Retries an assertion until it passes: for state the bot writes after the platform already saw
 * the message (a delivery mark). Fails with the last assertion error after `timeoutMs`.
 */
export async function eventually(assertion: () => Promise<void> | void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
