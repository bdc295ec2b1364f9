/**
 * Runs once before the suite. Tests never need ../shared: everything they read is in the repository.
 * Keeping the process time zone fixed makes date arithmetic the same on every machine.
 */
export default function setup(): void {
  process.env.TZ = 'Asia/Ho_Chi_Minh';
}
