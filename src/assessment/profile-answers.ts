import { fold } from '../text/vietnamese-unicode.ts';
import {
  booleanFields,
  type BusinessProfile,
  directSellingFields,
  type DirectSellingField,
  platformStates,
  type ProfileQuestion,
  registrationStates,
  sectors,
  sizes,
} from './business-profile.ts';
import {
  parseDirectAnswer,
  parsePlatformAnswer,
  parseProfileSentence,
  parseRegistrationAnswer,
  parseSectorAnswer,
  parseSizeAnswer,
  parseYesNo,
} from './profile-parser.ts';

/*
 * How a typed or pressed answer to a profile question, or to the consent question, reads: apart
 * from the step machine in assessment-flow.ts, so a new way of answering changes only this file.
 */

/** Profile questions answered by picking one of a few values: their buttons and how typed words read. */
export interface ChoiceQuestion {
  readonly values: readonly string[];
  readonly label: (value: string) => string;
  readonly parse: (text: string) => string | undefined;
}

export const choiceQuestions: Record<'sector' | 'size' | 'platform' | 'registration', ChoiceQuestion> = {
  sector: { values: sectors, label: (v) => `assessment.sector.${v}`, parse: parseSectorAnswer },
  size: { values: sizes, label: (v) => `assessment.size.${v}`, parse: parseSizeAnswer },
  platform: { values: platformStates, label: (v) => `assessment.platform.${v}`, parse: parsePlatformAnswer },
  registration: { values: registrationStates, label: (v) => `assessment.option.${v}`, parse: parseRegistrationAnswer },
};

export function isChoiceQuestion(question: ProfileQuestion): question is keyof typeof choiceQuestions {
  return question in choiceQuestions;
}

export interface ProfileAnswer {
  readonly values: BusinessProfile;
  /** Direct-selling ways not answered yet after one was picked: asked again ("any other?"). */
  readonly stillOpen?: readonly DirectSellingField[];
}

/** The answer to one profile question, from a pressed button or typed words. */
export function readProfileAnswer(question: ProfileQuestion, text: string, choice: string | undefined, offered: readonly DirectSellingField[]): ProfileAnswer | undefined {
  const prefix = `assessment.set.${question}.`;
  const picked = choice?.startsWith(prefix) ? choice.slice(prefix.length) : undefined;
  if (choice && picked === undefined) return undefined;
  if (isChoiceQuestion(question)) {
    const choices = choiceQuestions[question];
    const value = picked !== undefined ? choices.values.find((v) => v === picked) : choices.parse(text);
    return value === undefined ? undefined : { values: { [question]: value } as BusinessProfile };
  }
  switch (question) {
    case 'direct': {
      if (picked === 'none') return { values: Object.fromEntries(offered.map((f) => [f, false])) };
      const field = directSellingFields.find((f) => f === picked);
      if (field) return { values: { [field]: true }, stillOpen: offered.filter((f) => f !== field) };
      if (picked !== undefined) return undefined;
      const typed = parseDirectAnswer(text, offered);
      if (!typed) return undefined;
      return { values: typed.values, stillOpen: typed.complete ? [] : offered.filter((f) => typed.values[f] === undefined) };
    }
    default: {
      const field = booleanFields.find((f) => f === question)!;
      const value = picked !== undefined ? (picked === 'true' ? true : picked === 'false' ? false : undefined) : (parseYesNo(text) ?? parseProfileSentence(text)[field]);
      return value === undefined ? undefined : { values: { [field]: value } };
    }
  }
}

/** "đồng ý", "có", "không chia sẻ", "share it": a typed answer to the consent question. */
export function typedConsent(text: string): boolean | undefined {
  const yes = parseYesNo(text);
  if (yes !== undefined) return yes;
  const f = fold(text);
  return /dong y|chia se|agree|share/.test(f) ? true : undefined;
}
