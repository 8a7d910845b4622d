import { strToU8, zipSync } from 'fflate';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { literal } from './xml-text';
import { watchLabel, type QuizQuestion } from './questions';

/*
 * IMS QTI 2.1 (www.imsglobal.org/question/qtiv2p1): each question an `assessmentItem` with one
 * `choiceInteraction` (maxChoices 1), its right choice as `correctResponse`, SCORE 1 or 0 and the
 * chosen choice's `modalFeedback`; one `assessmentTest` holding them in order; and the IMS content
 * package (`imsmanifest.xml`, IMS CP 1.1) that learning platforms import, zipped with fflate.
 */

const QTI = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const QTI_XSD = `${QTI} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd`;
const CP = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const CP_XSD = `${CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd`;

/** The identifier of a question's n-th choice (from 0): ChoiceA, ChoiceB… */
export function choiceId(index: number): string {
  return `Choice${String.fromCharCode(65 + index)}`;
}

function floatValue(parent: XMLBuilder, identifier: string, value: string) {
  parent.ele('setOutcomeValue', { identifier }).ele('baseValue', { baseType: 'float' }).txt(literal(value));
}

/** One question as a QTI 2.1 `assessmentItem` document (§ "choiceInteraction", single response). */
export function qtiItem(question: QuizQuestion): string {
  const item = create({ version: '1.0', encoding: 'UTF-8' }).ele(QTI, 'assessmentItem', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': QTI_XSD,
    identifier: question.id,
    title: literal(`${question.scenarioTitle}: ${question.question}`),
    adaptive: 'false',
    timeDependent: 'false',
  });
  const right = question.choices.findIndex((c) => c.correct);
  item
    .ele('responseDeclaration', { identifier: 'RESPONSE', cardinality: 'single', baseType: 'identifier' })
    .ele('correctResponse')
    .ele('value')
    .txt(literal(choiceId(right)));
  item
    .ele('outcomeDeclaration', { identifier: 'SCORE', cardinality: 'single', baseType: 'float' })
    .ele('defaultValue')
    .ele('value')
    .txt('0');
  item.ele('outcomeDeclaration', { identifier: 'FEEDBACK', cardinality: 'single', baseType: 'identifier' });

  const body = item.ele('itemBody');
  body
    .ele('p')
    .ele('a', { href: literal(question.url) })
    .txt(literal(watchLabel(question)));
  const interaction = body.ele('choiceInteraction', {
    responseIdentifier: 'RESPONSE',
    shuffle: 'true',
    maxChoices: '1',
  });
  interaction.ele('prompt').txt(literal(question.question));
  question.choices.forEach((choice, i) =>
    interaction.ele('simpleChoice', { identifier: choiceId(i) }).txt(literal(choice.text)),
  );

  const processing = item.ele('responseProcessing');
  const condition = processing.ele('responseCondition');
  const matched = condition.ele('responseIf');
  matched
    .ele('match')
    .ele('variable', { identifier: 'RESPONSE' })
    .up()
    .ele('correct', { identifier: 'RESPONSE' });
  floatValue(matched, 'SCORE', '1');
  floatValue(condition.ele('responseElse'), 'SCORE', '0');
  processing.ele('setOutcomeValue', { identifier: 'FEEDBACK' }).ele('variable', { identifier: 'RESPONSE' });

  question.choices.forEach((choice, i) =>
    item
      .ele('modalFeedback', { outcomeIdentifier: 'FEEDBACK', identifier: choiceId(i), showHide: 'show' })
      .txt(literal(choice.feedback)),
  );
  return item.end({ prettyPrint: true }) + '\n';
}

/** The path of a question's item file inside the package. */
export function itemPath(question: QuizQuestion): string {
  return `items/${question.id}.xml`;
}

/** An `assessmentTest` asking `questions` in order; SCORE is the sum of the items' SCOREs. */
export function qtiTest(questions: readonly QuizQuestion[], identifier: string, title: string): string {
  const test = create({ version: '1.0', encoding: 'UTF-8' }).ele(QTI, 'assessmentTest', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': QTI_XSD,
    identifier,
    title: literal(title),
  });
  test.ele('outcomeDeclaration', { identifier: 'SCORE', cardinality: 'single', baseType: 'float' });
  const section = test
    .ele('testPart', { identifier: 'part', navigationMode: 'nonlinear', submissionMode: 'individual' })
    .ele('assessmentSection', { identifier: 'predictions', title: literal(title), visible: 'true' });
  for (const q of questions) section.ele('assessmentItemRef', { identifier: q.id, href: itemPath(q) });
  test
    .ele('outcomeProcessing')
    .ele('setOutcomeValue', { identifier: 'SCORE' })
    .ele('sum')
    .ele('testVariables', { variableIdentifier: 'SCORE' });
  return test.end({ prettyPrint: true }) + '\n';
}

/** The content package's manifest: the test and each item as resources, the test depending on them. */
export function qtiManifest(questions: readonly QuizQuestion[], identifier: string): string {
  const manifest = create({ version: '1.0', encoding: 'UTF-8' }).ele(CP, 'manifest', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': CP_XSD,
    identifier: `MANIFEST-${identifier}`,
  });
  const metadata = manifest.ele('metadata');
  metadata.ele('schema').txt('QTIv2.1 Package');
  metadata.ele('schemaversion').txt('1.0.0');
  manifest.ele('organizations');
  const resources = manifest.ele('resources');
  const test = resources.ele('resource', {
    identifier: `RES-${identifier}`,
    type: 'imsqti_test_xmlv2p1',
    href: 'test.xml',
  });
  test.ele('file', { href: 'test.xml' });
  for (const q of questions) test.ele('dependency', { identifierref: `RES-${q.id}` });
  for (const q of questions)
    resources
      .ele('resource', { identifier: `RES-${q.id}`, type: 'imsqti_item_xmlv2p1', href: itemPath(q) })
      .ele('file', { href: itemPath(q) });
  return manifest.end({ prettyPrint: true }) + '\n';
}

/**
 * A QTI 2.1 content package (a zip: `imsmanifest.xml`, `test.xml`, `items/<id>.xml`) of
 * `questions`; `identifier` names the test (an XML name, e.g. "pop-vs-imap-lab").
 */
export function qtiPackage(
  questions: readonly QuizQuestion[],
  identifier: string,
  title: string,
): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'imsmanifest.xml': strToU8(qtiManifest(questions, identifier)),
    'test.xml': strToU8(qtiTest(questions, identifier, title)),
  };
  for (const q of questions) files[itemPath(q)] = strToU8(qtiItem(q));
  return zipSync(files, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}
