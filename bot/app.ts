import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import type { QuestionAnswerer } from '../src/answer/answer-types.ts';
import { LlmAnswerer } from '../src/answer/llm-answerer.ts';
import { GuidedAnswerer, type AnswerTuning } from '../src/answer/guided-answerer.ts';
import { legalFactsOf } from '../src/answer/legal-facts.ts';
import { LlmAnswerWriter } from '../src/answer/llm-answer-writer.ts';
import { OfflineAnswerer } from '../src/answer/offline-answerer.ts';
import { foldAligned } from '../src/complaints/folded-text.ts';
import { defaultClassifierFile, readClassifier } from '../src/guidance/classifier-file.ts';
import { loadGuidance } from '../src/guidance/guidance-loader.ts';
import { defaultMatcherWeights, GuidanceMatcher, type MatcherWeights } from '../src/guidance/guidance-matcher.ts';
import { instanceIdOf, publicUrlOf, type Config } from '../src/config/config.ts';
import { DialogueEngine } from '../src/dialogue/dialogue-engine.ts';
import { LeasedTurnLocks, LocalTurnLocks } from '../src/dialogue/turn-locks.ts';
import type { Leases } from '../src/shared/leases.ts';
import { PrismaLeases } from '../src/storage/prisma-leases.ts';
import type { DialogueFlow } from '../src/dialogue/flow.ts';
import { cleaningInbound, type EngineEntrance } from '../src/dialogue/inbound-text.ts';
import { createTranslators, type Locale, type Translator } from '../src/i18n/translator.ts';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base.ts';
import { loadKnowledgeBase } from '../src/knowledge/knowledge-loader.ts';
import { createEmbeddings } from '../src/retrieval/embeddings-factory.ts';
import { ensureSearchIndex, type SearchIndexProgress } from '../src/retrieval/search-index.ts';
import type { PassageSearch } from '../src/retrieval/search-types.ts';
import { recommendedConfidenceThreshold } from '../src/retrieval/confidence.ts';
import { defaultQueryAnalyzer } from '../src/text/analyzer.ts';
import type { Clock } from '../src/shared/clock.ts';
import type { Logger } from '../src/shared/logger.ts';
import { openDatabase, type DatabaseProvider, type Db } from '../src/storage/database.ts';
import { processLoopSlots } from '../src/shared/loop-slots.ts';
import { PrismaConversationStore } from '../src/storage/prisma-conversation-store.ts';
import { PrismaOutbox } from '../src/storage/prisma-outbox.ts';
import { PrismaProactiveMessages } from '../src/storage/prisma-proactive-messages.ts';
import type { Outbox } from '../src/dialogue/outbox.ts';
import type { ProactiveMessages } from '../src/dialogue/proactive-messages.ts';
import { seedComplaintData } from '../src/complaints/complaint-seed.ts';
import { createComplaintFlow, type ComplaintModule, type SpanTaggerSetup } from '../src/complaints/create-complaint-flow.ts';
import type { SpanPolicy } from '../src/complaints/span-decisions.ts';
import { spanTaggerCacheFile } from '../src/complaints/span-tagger-store.ts';
import { createAssessmentFlow } from '../src/assessment/assessment-setup.ts';
import type { AssessmentStore, FinishedAssessments } from '../src/assessment/assessment-store.ts';
import type { CannedReplyStore } from '../src/handoff/canned-replies.ts';
import type { AuditLog } from '../src/shared/audit-log.ts';
import { PrismaAuditLog } from '../src/storage/prisma-audit-log.ts';
import { PrismaAssessmentStore } from '../src/storage/prisma-assessment-store.ts';
import { prismaStaffStores } from '../src/storage/prisma-staff-stores.ts';
import { prismaComplaintStores } from '../src/storage/prisma-complaint-tables.ts';
import type { ComplaintStores } from '../src/complaints/complaint-stores.ts';
import type { StaffStores } from '../src/staff/staff-stores.ts';
import { HandoffDesk } from '../src/handoff/handoff-desk.ts';
import { HandoffFlow } from '../src/handoff/handoff-flow.ts';
import { HandoffStandings } from '../src/handoff/handoff-standing.ts';
import { parseWorkingHours } from '../src/handoff/working-hours.ts';
import { anonymiseComplaintRecord } from '../src/privacy/complaint-shell.ts';
import { PrivacyFlow } from '../src/privacy/privacy-flow.ts';
import { PrismaCannedReplies } from '../src/storage/prisma-canned-replies.ts';
import { PrismaHandoffDeskStore } from '../src/storage/prisma-handoff-desk-store.ts';
import { PrismaHandoffQueue, PrismaHolidaySource } from '../src/storage/prisma-handoff-queue.ts';
import { PrismaPersonalDataStore } from '../src/storage/prisma-personal-data.ts';
import { updateOfChat } from './channels/journal-chat.ts';
import { createWarningsModule } from './create-warnings-module.ts';
import type { WarningsModule } from '../src/warnings/warnings-module.ts';
import { defaultOutboxMaxAttempts } from './channels/outbox-dispatcher.ts';
import { EvidenceFiles } from '../src/evidence/evidence-files.ts';
import type { EvidenceStore } from '../src/evidence/evidence-store.ts';
import type { UploadPolicy } from '../src/evidence/upload-policy.ts';
import { PrismaEvidenceStore } from '../src/storage/prisma-evidence-store.ts';
import type { SecretBox } from '../src/shared/secret-box.ts';
import { loadSecretBox } from './secret-key.ts';
import { TelegramFiles } from './telegram/telegram-files.ts';
import { ZaloFiles } from './zalo/zalo-files.ts';

export interface AppOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly clock: Clock;
  /** A chat model to use instead of the one built from LLM_* settings (tests pass a fake server's). */
  readonly chatModel?: BaseChatModel;
  readonly onIndexProgress?: (progress: SearchIndexProgress) => void;
  /** Thresholds and weights for the guided answers (evaluation sweeps on the development set). */
  readonly answerTuning?: Partial<AnswerTuning>;
  readonly matcherWeights?: Partial<MatcherWeights>;
  /** The complaint span tagger: training files left out and its weighing against the rules (evaluation), or off. */
  readonly spanTagger?: { readonly exclude?: readonly string[]; readonly policy?: SpanPolicy } | 'off';
}

/** The core object graph, shared by the web server, the channels, the terminal chat and tests. */
export interface App {
  readonly config: Config;
  readonly db: Db;
  /** The client for the writes that record a send (Database.records). */
  readonly records: Db;
  readonly knowledgeBase: KnowledgeBase;
  readonly search: PassageSearch;
  readonly answerer: QuestionAnswerer;
  /** Complaint intake, repository (staff console), taxonomy and provinces. */
  readonly complaints: ComplaintModule;
  /** Warnings staff publish: repository, subscriptions, fan-out job, answers, flows. */
  readonly warnings: WarningsModule;
  /** The dialogue engine behind the one inbound boundary: every message's text is cleaned there. */
  readonly engine: EngineEntrance;
  readonly store: PrismaConversationStore;
  /** The staff side of hand-offs (console inbox). */
  readonly handoffDesk: HandoffDesk;
  /** Where a waiting user stands (the web chat's banner). */
  readonly handoffStandings: HandoffStandings;
  readonly audit: AuditLog;
  /** The staff console's accounts, sessions, second factors, login attempts, figures and demo mark. */
  readonly staffStores: StaffStores;
  /** Complaints, the holiday and routing tables, their seed, and where reminders are sent. */
  readonly complaintStores: ComplaintStores;
  /** Self-assessments: the flow's progress and the programme view's finished results. */
  readonly assessments: AssessmentStore & FinishedAssessments;
  readonly cannedReplies: CannedReplyStore;
  readonly proactive: ProactiveMessages;
  /** Proactive messages (staff replies, reminders) waiting for their channel's dispatcher. */
  readonly outbox: Outbox;
  /**
   * Complaint evidence: the web chat's uploads (stored bytes, and the limits they are checked
   * against) and every channel's files as the console opens them.
   */
  readonly evidence: { readonly store: EvidenceStore; readonly files: EvidenceFiles; readonly policy: UploadPolicy };
  /** Seals secrets kept in the database (staff TOTP keys) under a key kept outside it. */
  readonly secrets: SecretBox;
  readonly translators: (locale: Locale) => Translator;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly provider: DatabaseProvider;
  /** Leases shared by every instance on this database (turns, jobs, Telegram polling). */
  readonly leases: Leases;
  /**
   * Who this instance is: `id` names it (INSTANCE_ID), `owner` owns its claims and leases. On SQLite
   * there is one instance (a second is refused at start-up), so the owner is fixed and a restart on
   * another port takes back what the previous run claimed at once.
   */
  readonly instance: { readonly id: string; readonly owner: string };
  close(): Promise<void>;
}

/**
 * The one place that builds the object graph from validated config: database (migrated), knowledge
 * base, search index (built when missing or stale), answerer, flows and the dialogue engine.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { config, logger, clock } = options;
  const database = await openDatabase(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  try {
    const instanceId = instanceIdOf(config, os.hostname());
    const instance = { id: instanceId, owner: database.provider === 'sqlite' ? 'sqlite-single-instance' : instanceId };
    const leases = new PrismaLeases(database.prisma);
    const knowledgeBase = await loadKnowledgeBase(config.KNOWLEDGE_DIR);
    const embeddings = createEmbeddings({
      provider: config.EMBEDDINGS_PROVIDER,
      model: config.EMBEDDINGS_MODEL,
      baseUrl: config.EMBEDDINGS_BASE_URL,
      apiKey: config.EMBEDDINGS_API_KEY,
    });
    const search = await ensureSearchIndex({
      knowledgeBase,
      indexDir: path.join(config.DATA_DIR, 'index'),
      embeddings,
      onProgress: options.onIndexProgress,
    });
    const guidance = await loadGuidance(config.KNOWLEDGE_DIR, knowledgeBase);
    const matcher = new GuidanceMatcher(guidance.entries, defaultQueryAnalyzer(), { ...defaultMatcherWeights, ...options.matcherWeights }, (await readClassifier()) ?? undefined);
    if (matcher.classifierTrainedHere) logger.info({ file: defaultClassifierFile }, 'guidance classifier trained at start-up (none saved for these phrasings); npm run knowledge:build saves it');
    const translators = createTranslators();
    const contacts = { hotline: config.HOTLINE_NATIONAL, province: config.PROVINCE_NAME };
    const offline = new OfflineAnswerer({
      knowledgeBase,
      search,
      questionTokens: (text) => defaultQueryAnalyzer().analyze(text).tokens.filter((t) => t.source !== 'lexicon'),
      confidenceThreshold: recommendedConfidenceThreshold,
      translators,
      contacts,
    });
    const store = new PrismaConversationStore(database.prisma);
    // Start-up step: rows of knowledge/complaints' holiday and routing files that the tables lack are
    // added (staff edits are kept). Done here, once, not as a side effect of building a flow.
    const complaintStores = prismaComplaintStores(database.prisma);
    const seeded = await seedComplaintData(complaintStores.seed, path.join(config.KNOWLEDGE_DIR, 'complaints'));
    if (seeded.holidays + seeded.routes > 0) logger.info(seeded, 'added holidays and routing entries from knowledge/complaints');
    const complaints = await createComplaintFlow({
      stores: complaintStores,
      knowledgeBase,
      search,
      translators,
      knowledgeDir: config.KNOWLEDGE_DIR,
      defaultProvince: config.PROVINCE_NAME,
      spanTagger: spanTaggerSetup(options.spanTagger),
    });
    const chatModel = options.chatModel ?? buildChatModel(config);
    const guided = new GuidedAnswerer({
      knowledgeBase,
      guidance,
      matcher,
      search,
      facts: legalFactsOf(knowledgeBase),
      lexicon: defaultQueryAnalyzer().lexicon,
      translators,
      contacts,
      findProvince: (text) => complaints.provinces.find(foldAligned(text))?.fullName ?? null,
      ...(options.answerTuning ? { tuning: options.answerTuning } : {}),
      ...(chatModel ? { writer: new LlmAnswerWriter({ model: chatModel, knowledgeBase, translators, logger, timeoutMs: config.LLM_TIMEOUT_MS }) } : {}),
    });
    // ANSWER_COMPOSER=extractive keeps the first build's clause-extract answers: the evaluation's
    // baseline, and a fallback should the guidance ever be withdrawn.
    const extractive: QuestionAnswerer = chatModel ? new LlmAnswerer({ model: chatModel, offline, logger, timeoutMs: config.LLM_TIMEOUT_MS }) : offline;
    const answerer: QuestionAnswerer = config.ANSWER_COMPOSER === 'extractive' ? extractive : guided;
    const warnings = createWarningsModule({
      db: database.prisma,
      translators,
      leases,
      owner: instance.owner,
      clock,
      logger,
      hotline: config.HOTLINE_NATIONAL,
      publicListUrl: `${publicUrlOf(config)}/canh-bao`,
      provinces: { names: complaints.provinces.names, find: (text) => complaints.provinces.find(foldAligned(text), true)?.name ?? null },
      maxAttempts: defaultOutboxMaxAttempts,
    });
    const handoffDeps = {
      queue: new PrismaHandoffQueue(database.prisma),
      holidays: new PrismaHolidaySource(database.prisma),
      hours: parseWorkingHours(config.STAFF_WORKING_HOURS, config.TZ_NAME),
      clock,
    };
    const assessments = new PrismaAssessmentStore(database.prisma);
    const flows: DialogueFlow[] = [
      ...warnings.flows,
      complaints.flow,
      await createAssessmentFlow({ store: assessments, knowledgeBase, knowledgeDir: config.KNOWLEDGE_DIR, timeZone: config.TZ_NAME }),
      new HandoffFlow(handoffDeps),
      new PrivacyFlow(new PrismaPersonalDataStore(database.prisma, { anonymise: anonymiseComplaintRecord, provider: database.provider, updateOfChat }), { journalRetentionDays: config.JOURNAL_RETENTION_DAYS, uploadRetentionDays: config.UPLOAD_RETENTION_DAYS }),
    ];
    // Several instances may share a PostgreSQL: a conversation's turns are then serialised through a
    // lease; on SQLite (one instance) the in-process queue is the whole story.
    const locks = database.provider === 'postgresql' ? new LeasedTurnLocks({ leases, owner: instance.owner, clock }) : new LocalTurnLocks();
    const evidenceStore = new PrismaEvidenceStore(database.prisma);
    const evidence = {
      store: evidenceStore,
      files: new EvidenceFiles(evidenceStore, {
        telegram: new TelegramFiles({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, logger }),
        // Plain http photo links only when Zalo itself is reached over http (the fake server in tests).
        zalo: new ZaloFiles({ logger, allowHttp: config.ZALO_API_BASE.startsWith('http:') }),
      }),
      policy: { maxBytes: config.UPLOAD_MAX_BYTES, allowedTypes: config.UPLOAD_ALLOWED_TYPES },
    };
    const engine = new DialogueEngine({ store, answerer, translators, clock, logger, flows, contacts, locks, computeSlots: processLoopSlots });
    return {
      config,
      db: database.prisma,
      records: database.records,
      knowledgeBase,
      search,
      answerer,
      engine: cleaningInbound(engine),
      complaints,
      warnings,
      store,
      audit: new PrismaAuditLog(database.prisma),
      staffStores: prismaStaffStores(database.prisma),
      complaintStores,
      assessments,
      handoffStandings: new HandoffStandings(handoffDeps),
      handoffDesk: new HandoffDesk(new PrismaHandoffDeskStore(database.prisma), translators),
      cannedReplies: new PrismaCannedReplies(database.prisma),
      proactive: new PrismaProactiveMessages(database.prisma),
      outbox: new PrismaOutbox(database.prisma, database.records),
      evidence,
      secrets: await loadSecretBox({ key: config.STAFF_SECRET_KEY, dataDir: config.DATA_DIR }),
      translators,
      logger,
      clock,
      provider: database.provider,
      leases,
      instance,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function buildChatModel(config: Config): BaseChatModel | undefined {
  if (!config.LLM_BASE_URL || !config.LLM_MODEL) return undefined;
  return new ChatOpenAI({
    model: config.LLM_MODEL,
    apiKey: config.LLM_API_KEY ?? 'not-needed',
    configuration: { baseURL: config.LLM_BASE_URL },
    temperature: 0,
    maxRetries: 1,
    timeout: config.LLM_TIMEOUT_MS,
  });
}

/** Trained weights are built artefacts: kept in generated/ beside the Prisma clients, never committed. */
const generatedDir = fileURLToPath(new URL('../generated/', import.meta.url));

function spanTaggerSetup(option: AppOptions['spanTagger']): SpanTaggerSetup | null {
  if (option === 'off') return null;
  const exclude = option?.exclude ?? [];
  return { cacheFile: spanTaggerCacheFile(generatedDir, exclude), exclude, ...(option?.policy ? { policy: option.policy } : {}) };
}
