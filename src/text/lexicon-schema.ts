import { z } from 'zod';

const phrase = z.string().trim().min(1);

/** Single-token shorthand people type ("ko", "đc", "ntd") and what it stands for. */
export const abbreviationsFileSchema = z
  .object({
    description: z.string().optional(),
    /** Where the forms come from, so an editor knows what may be added and on what evidence. */
    provenance: z.string().min(1).optional(),
    entries: z
      .array(
        z
          .object({
            forms: z.array(phrase.regex(/^[\p{L}\p{N}]+$/u, 'an abbreviation form is one word')).min(1),
            /** More than one meaning splits the weight between them ("hđ": hợp đồng or hóa đơn). */
            means: z.array(phrase).min(1),
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** Everyday or foreign words mapped to the words the law uses for the same thing. */
export const phraseMapFileSchema = z
  .object({
    description: z.string().optional(),
    provenance: z.string().min(1).optional(),
    entries: z
      .array(
        z
          .object({
            phrases: z.array(phrase).min(1),
            expand: z.array(phrase).min(1),
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export const stopwordsFileSchema = z
  .object({
    description: z.string().optional(),
    /** Vietnamese question words and particles that say nothing about the topic. */
    vietnamese: z.array(phrase).min(1),
    /** English function words, dropped only when the question is read as English. */
    english: z.array(phrase).min(1),
  })
  .strict();

export type AbbreviationsFile = z.infer<typeof abbreviationsFileSchema>;
export type PhraseMapFile = z.infer<typeof phraseMapFileSchema>;
export type StopwordsFile = z.infer<typeof stopwordsFileSchema>;
