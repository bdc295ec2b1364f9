import path from 'node:path';
import type { Locale, Translator } from '../i18n/translator.ts';
import type { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import type { PassageSearch } from '../retrieval/search-types.ts';
import { loadWorkingCalendar } from './calendar-store.ts';
import { ComplaintExtractor } from './complaint-extractor.ts';
import { ComplaintFlow } from './complaint-flow.ts';
import { ComplaintRepository } from './complaint-repository.ts';
import type { ComplaintStores } from './complaint-stores.ts';
import { ComplaintTaxonomy } from './complaint-taxonomy.ts';
import { ProvinceDirectory } from './province-directory.ts';
import { RoutingDirectory } from './routing-directory.ts';
import { defaultSpanPolicy, type SpanPolicy } from './span-decisions.ts';
import { loadSpanTagger } from './span-tagger-store.ts';

export interface ComplaintSetup {
  readonly stores: ComplaintStores;
  readonly knowledgeBase: KnowledgeBase;
  readonly search: PassageSearch;
  readonly translators: (locale: Locale) => Translator;
  /** The knowledge folder; the complaint data files are in its complaints/ sub-folder. */
  readonly knowledgeDir: string;
  /** The province the service runs in (config PROVINCE_NAME). */
  readonly defaultProvince: string;
  /** The span tagger read beside the rules (span-tagger-store.ts); null: the rules alone. */
  readonly spanTagger: SpanTaggerSetup | null;
}

export interface SpanTaggerSetup {
  /** Where the trained weights are kept (generated/); null: trained in memory at start. */
  readonly cacheFile: string | null;
  /** Training files left out, for leave-one-set-out evaluation. */
  readonly exclude?: readonly string[];
  readonly policy?: SpanPolicy;
}

export interface ComplaintModule {
  readonly flow: ComplaintFlow;
  readonly repository: ComplaintRepository;
  readonly provinces: ProvinceDirectory;
  readonly taxonomy: ComplaintTaxonomy;
}

/** Reads the complaint data files and builds the flow; the tables it reads are seeded at start-up (bot/app.ts). */
export async function createComplaintFlow(setup: ComplaintSetup): Promise<ComplaintModule> {
  const dataDir = path.join(setup.knowledgeDir, 'complaints');
  const provinces = ProvinceDirectory.load(dataDir);
  const taxonomy = ComplaintTaxonomy.load(dataDir);
  const repository = new ComplaintRepository(setup.stores.complaints);
  const tagger = setup.spanTagger ? loadSpanTagger({ dataDir, provinces, cacheFile: setup.spanTagger.cacheFile, exclude: setup.spanTagger.exclude ?? [] }) : null;
  const flow = new ComplaintFlow({
    repository,
    taxonomy,
    provinces,
    search: setup.search,
    knowledgeBase: setup.knowledgeBase,
    routing: new RoutingDirectory(setup.stores.routing),
    calendar: () => loadWorkingCalendar(setup.stores.holidays),
    defaultProvince: setup.defaultProvince,
    extractor: new ComplaintExtractor(provinces, tagger, setup.spanTagger?.policy ?? defaultSpanPolicy),
    translators: setup.translators,
  });
  return { flow, repository, provinces, taxonomy };
}
