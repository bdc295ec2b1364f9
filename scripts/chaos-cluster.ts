// The bot processes `npm run chaos` starts: real `bot/main.ts`, as `npm start` runs it, one per
// instance slot, each on its own port; a slot can be killed with SIGKILL and started again on the
// same port and INSTANCE_ID, as a supervisor (systemd, Kubernetes) would restart it.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';

export interface Instance {
  readonly slot: number;
  readonly port: number;
  process: ChildProcess | null;
  /** False between a kill and the restarted process being ready: the load balancer skips it. */
  alive: boolean;
}

export class ChaosCluster {
  readonly instances: Instance[];
  private readonly logs: WriteStream[];

  constructor(
    private readonly root: string,
    ports: readonly number[],
    private readonly envOf: (instance: Instance) => Record<string, string>,
    logDir: string,
    /** What the process prints once it takes traffic ("Channels:" with a chat channel, "Web chat:" without). */
    private readonly readyMarker = 'Channels:',
  ) {
    this.instances = ports.map((port, slot) => ({ slot, port, process: null, alive: false }));
    this.logs = this.instances.map((i) => createWriteStream(path.join(logDir, `instance-${i.slot}.log`), { flags: 'a' }));
  }

  async startAll(): Promise<void> {
    // One after the other: the first applies the migrations and builds the index if missing.
    for (const instance of this.instances) await this.start(instance);
  }

  /** Starts the slot's process and resolves once it printed that its channels are running. */
  start(instance: Instance): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(this.root, 'bot', 'main.ts')], {
      cwd: this.root,
      env: this.envOf(instance),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    instance.process = child;
    const log = this.logs[instance.slot]!;
    child.stderr!.pipe(log, { end: false });
    return new Promise((resolve, reject) => {
      let out = '';
      const onData = (chunk: Buffer) => {
        log.write(chunk);
        out += chunk.toString('utf8');
        if (out.includes(this.readyMarker)) {
          instance.alive = true;
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.once('exit', (code, signal) => {
        instance.alive = false;
        if (instance.process === child) instance.process = null;
        reject(new Error(`instance ${instance.slot} exited (${code ?? signal}) before it was ready; see its log`));
      });
    });
  }

  /**
   * SIGKILL: no shutdown code runs, as in a power cut or the OOM killer. Returns when the signal was
   * sent (Date.now()), not when this busy process noticed the exit: the duplicates are timed against it.
   */
  async kill(instance: Instance): Promise<number> {
    const child = instance.process;
    instance.alive = false;
    const at = Date.now();
    if (!child) return at;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    return at;
  }

  /** SIGTERM and wait: the graceful stop drains what each process accepted. */
  async stopAll(): Promise<void> {
    await Promise.all(
      this.instances.map(async (instance) => {
        const child = instance.process;
        instance.alive = false;
        if (!child || child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exited;
        clearTimeout(timer);
      }),
    );
    for (const log of this.logs) log.end();
  }
}
