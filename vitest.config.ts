import { defineConfig } from 'vitest/config';

/**
 * Test files that open a database, start a server (the app's or a fake platform's), spawn a child
 * process, drive the browser or build a search index. They run in the "integration" project (forks:
 * native modules, open sockets and child processes stay in their own process); every other test file
 * is a "unit" test: pure code, in worker threads. A new test that does any of the above belongs here;
 * test/vitest-projects.test.ts fails, naming it, when one is missing.
 */
export const integrationTests = [
  'test/bot/secret-key.test.ts',
  'test/answer/golden-answers.test.ts',
  'test/answer/llm-answerer.test.ts',
  'test/answer/offline-answerer-timeline.test.ts',
  'test/answer/offline-answerer.test.ts',
  'test/assessment/flow-behaviour.test.ts',
  'test/assessment/golden-walkthroughs.test.ts',
  'test/assessment/programme-aggregates.test.ts',
  'test/assessment/script-mode.test.ts',
  'test/bot/channels/inbound-pipeline.test.ts',
  'test/bot/channels/restart.test.ts',
  'test/bot/cli/chat-script.test.ts',
  'test/bot/telegram/telegram-channel.test.ts',
  'test/bot/telegram/telegram-files.test.ts',
  'test/bot/web/web-chat-uploads.test.ts',
  'test/bot/zalo/zalo-files.test.ts',
  'test/bot/telegram/telegram-webhook.test.ts',
  'test/bot/web/warning-feed-routes.test.ts',
  'test/bot/web/web-chat-e2e.test.ts',
  'test/bot/web/web-chat-updates.test.ts',
  'test/bot/web/web-chat.test.ts',
  'test/bot/zalo/zalo-channel.test.ts',
  'test/bot/zalo/zalo-client.test.ts',
  'test/complaints/complaint-flow.test.ts',
  'test/complaints/complaint-reminders.test.ts',
  'test/complaints/complaint-repository.test.ts',
  'test/complaints/golden-conversations.test.ts',
  'test/dialogue/dialogue-engine.test.ts',
  'test/dialogue/dialogue-engine-compute-slots.test.ts',
  'test/bot/channels/outbox-claim-renewal.test.ts',
  'test/handoff/handoff-flow.test.ts',
  'test/privacy/erasure-postgres.test.ts',
  'test/privacy/privacy-flow.test.ts',
  'test/privacy/retention.test.ts',
  'test/retrieval/embeddings-factory.test.ts',
  'test/retrieval/eval-retrieval-script.test.ts',
  'test/retrieval/hybrid-retriever.test.ts',
  'test/retrieval/search-index.test.ts',
  'test/scripts/chaos-smoke.test.ts',
  'test/security/demo-seed-guards.test.ts',
  'test/security/erasure-complete.test.ts',
  'test/security/login-throttle.test.ts',
  'test/security/password-change.test.ts',
  'test/security/rate-limits.test.ts',
  'test/security/second-factor.test.ts',
  'test/security/session-idle.test.ts',
  'test/security/staff-add-cli.test.ts',
  'test/security/staff-assets.test.ts',
  'test/security/web-chat-session.test.ts',
  'test/staff/console-e2e.test.ts',
  'test/staff/console-pages.test.ts',
  'test/staff/complaint-actions.test.ts',
  'test/staff/console-security.test.ts',
  'test/staff/demo-seed.test.ts',
  'test/staff/inbox-assignment.test.ts',
  'test/staff/inbox-long-chat.test.ts',
  'test/staff/warning-routes.test.ts',
  'test/staff/warnings-e2e.test.ts',
  'test/storage/cluster-claims.test.ts',
  'test/storage/database.test.ts',
  'test/storage/migrator.test.ts',
  'test/storage/postgres-app.test.ts',
  'test/storage/postgres.test.ts',
  'test/storage/prisma-inbound-journal.test.ts',
  'test/storage/prisma-warnings.test.ts',
  'test/storage/schema-drift.test.ts',
  'test/warnings/golden-warnings.test.ts',
  'test/warnings/warning-channels.test.ts',
  'test/warnings/warning-delivery.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two files at a time even on a two-core machine (vitest's default would be one): integration
    // files spend much of their time waiting on SQLite, sockets, child processes and the browser.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: integrationTests,
          pool: 'threads',
          // Files share a worker's module cache: each of them would otherwise load the knowledge
          // base, zod schemas and the text analyzer again. Tests keep no state outside their file.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: integrationTests,
          pool: 'forks',
          // A fork runs file after file with its modules loaded once (Prisma, LangChain, the app
          // graph: seconds per file otherwise). Every file opens its own databases, servers and apps
          // and disposes of them; nothing is kept in module state but read-only caches.
          isolate: false,
        },
      },
    ],
  },
});
