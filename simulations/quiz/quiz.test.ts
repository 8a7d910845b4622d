// @vitest-environment happy-dom
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { moodleXml } from './moodle';
import { choiceId, qtiPackage } from './qti';
import { quizQuestions, watchLabel, type QuizQuestion } from './questions';
import { builtinQuizSources } from './sources';

const BASE = 'https://lab.example.org';
const { sources } = builtinQuizSources(BASE);
const questions = quizQuestions(sources);

/** Elements named `name` anywhere under `node`, namespace ignored. */
function all(node: Element | Document, name: string): Element[] {
  const found: Element[] = [];
  const walk = (el: Element) => {
    for (const child of el.children) {
      if (name === '*' || child.localName === name) found.push(child);
      walk(child);
    }
  };
  walk(node instanceof Document ? node.documentElement : node);
  if (node instanceof Document && (name === '*' || node.documentElement.localName === name))
    found.unshift(node.documentElement);
  return found;
}
/** Parsed by the browser's XML parser (happy-dom's here), as a learning platform would read it. */
function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  return doc;
}
const text = (el: Element | undefined) => el?.textContent ?? '';

describe('quiz questions from prediction prompts', () => {
  it('has every prompt of every scenario, each linking to the step the page pauses at to ask it', () => {
    const prompts = sources.reduce((n, s) => n + s.predictions.length, 0);
    expect(prompts).toBeGreaterThan(3);
    expect(questions).toHaveLength(prompts);
    for (const source of sources)
      for (const [i, p] of source.predictions.entries()) {
        const q = questions.find((x) => x.id === `${source.timeline.scenario}-${i + 1}`)!;
        expect(q.question).toBe(p.question);
        // The page asks at the first step of the intent the prompt precedes.
        expect(source.timeline.steps[q.step]!.intent).toBe(p.beforeIntent);
        expect(source.timeline.steps[q.step - 1]?.intent).not.toBe(p.beforeIntent);
        const url = new URL(q.url);
        expect(url.origin).toBe(BASE);
        expect(url.searchParams.get('scenario')).toBe(source.timeline.scenario);
        expect(url.searchParams.get('step')).toBe(String(q.step));
      }
  });

  it('keeps the scenarios asked for and names the ones that ask no predictions', () => {
    const picked = builtinQuizSources(BASE, [sources[1]!.timeline.scenario, 'no-such-story']);
    expect(picked.sources.map((s) => s.timeline.scenario)).toEqual([sources[1]!.timeline.scenario]);
    expect(picked.unknown).toEqual(['no-such-story']);
  });

  it('names a question after its scenario in a form XML identifiers and file names accept', () => {
    const [source] = sources;
    const odd = { ...source!, timeline: { ...source!.timeline, scenario: '2 phones & a "laptop"' } };
    expect(quizQuestions([odd])[0]!.id).toBe('s-2-phones---a--laptop--1');
  });

  it('leaves out a prompt whose right answer is not exactly one, rather than exporting it wrong', () => {
    const [source] = sources;
    const broken = {
      ...source!,
      predictions: [
        {
          ...source!.predictions[0]!,
          choices: source!.predictions[0]!.choices.map((c) => ({ ...c, correct: true })),
        },
      ],
    };
    expect(quizQuestions([broken])).toEqual([]);
  });
});

const hostile: QuizQuestion = {
  id: 'hostile-1',
  scenarioTitle: 'Tom & Jerry <mail>',
  step: 3,
  url: `${BASE}/?scenario=x&step=3`,
  question: 'Is 1 < 2 && "quoted" </text> ]]> <script>alert(1)</script>? Type &lt; or &#60;',
  choices: [
    { text: 'Yes & <b>bold</b>', correct: true, feedback: 'Right: <i>1</i> & 2' },
    { text: 'No', correct: false, feedback: 'Wrong.' },
  ],
};

describe('Moodle XML', () => {
  const doc = parse(moodleXml(questions));

  it('is a category and one single-answer multichoice question per prompt, graded 100 for the right choice', () => {
    const items = all(doc, 'question');
    expect(items[0]!.getAttribute('type')).toBe('category');
    expect(text(all(items[0]!, 'text')[0])).toBe('$course$/POP vs IMAP Lab');
    const multi = items.filter((q) => q.getAttribute('type') === 'multichoice');
    expect(multi).toHaveLength(questions.length);
    multi.forEach((item, i) => {
      const q = questions[i]!;
      expect(text(all(item, 'single')[0])).toBe('true');
      expect(text(all(item, 'idnumber')[0])).toBe(q.id);
      const answers = all(item, 'answer');
      expect(answers.map((a) => a.getAttribute('fraction'))).toEqual(
        q.choices.map((c) => (c.correct ? '100' : '0')),
      );
      // Each answer carries its own feedback, as HTML in the text.
      const feedback = answers.map((a) => parse(`<r>${text(all(all(a, 'feedback')[0]!, 'text')[0])}</r>`));
      expect(feedback.map((f) => f.documentElement.textContent)).toEqual(q.choices.map((c) => c.feedback));
      // The question text is HTML: the question, and a link to its step.
      const html = parse(`<r>${text(all(all(item, 'questiontext')[0]!, 'text')[0])}</r>`);
      expect(text(all(html, 'p')[0])).toBe(q.question);
      expect(all(html, 'a')[0]!.getAttribute('href')).toBe(q.url);
      expect(text(all(html, 'a')[0])).toBe(watchLabel(q));
    });
  });

  it('keeps text with markup characters as text, in the XML and in the HTML inside it', () => {
    const xml = moodleXml([hostile]);
    expect(xml).not.toContain('<script>');
    const item = all(parse(xml), 'question')[1]!;
    expect(text(all(all(item, 'name')[0]!, 'text')[0])).toBe(`${hostile.scenarioTitle}: ${hostile.question}`);
    const html = parse(`<r>${text(all(all(item, 'questiontext')[0]!, 'text')[0])}</r>`);
    expect(all(html, 'script')).toEqual([]);
    expect(text(all(html, 'p')[0])).toBe(hostile.question);
    const answer = parse(`<r>${text(all(all(item, 'answer')[0]!, 'text')[0])}</r>`);
    expect(answer.documentElement.textContent).toBe('Yes & <b>bold</b>');
  });
});

describe('QTI 2.1 content package', () => {
  const files = unzipSync(qtiPackage(questions, 'pop-vs-imap-lab', 'POP vs IMAP Lab predictions'));
  const xml = (path: string) => parse(strFromU8(files[path]!));
  const QTI = 'http://www.imsglobal.org/xsd/imsqti_v2p1';

  it('holds a manifest whose resources are the test and every item file, and nothing unlisted', () => {
    const manifest = xml('imsmanifest.xml');
    expect(manifest.documentElement.namespaceURI).toBe('http://www.imsglobal.org/xsd/imscp_v1p1');
    const resources = all(manifest, 'resource');
    expect(resources.map((r) => r.getAttribute('type'))).toEqual([
      'imsqti_test_xmlv2p1',
      ...questions.map(() => 'imsqti_item_xmlv2p1'),
    ]);
    const listed = all(manifest, 'file').map((f) => f.getAttribute('href'));
    expect(new Set(listed)).toEqual(new Set(Object.keys(files).filter((f) => f !== 'imsmanifest.xml')));
    const test = xml('test.xml');
    expect(all(test, 'assessmentItemRef').map((r) => r.getAttribute('href'))).toEqual(
      questions.map((q) => `items/${q.id}.xml`),
    );
  });

  it('makes each prompt one single-choice item: its right choice is the correct response, each choice has feedback', () => {
    for (const q of questions) {
      const item = xml(`items/${q.id}.xml`);
      expect(item.documentElement.namespaceURI).toBe(QTI);
      expect(all(item, '*').every((el) => el.namespaceURI === QTI)).toBe(true);
      const interaction = all(item, 'choiceInteraction')[0]!;
      expect(interaction.getAttribute('maxChoices')).toBe('1');
      expect(text(all(interaction, 'prompt')[0])).toBe(q.question);
      const choices = all(interaction, 'simpleChoice');
      expect(choices.map((c) => c.textContent)).toEqual(q.choices.map((c) => c.text));
      const right = text(all(all(item, 'correctResponse')[0]!, 'value')[0]);
      expect(choices.find((c) => c.getAttribute('identifier') === right)!.textContent).toBe(
        q.choices.find((c) => c.correct)!.text,
      );
      const feedback = all(item, 'modalFeedback');
      expect(feedback.map((f) => [f.getAttribute('identifier'), f.textContent])).toEqual(
        q.choices.map((c, i) => [choiceId(i), c.feedback]),
      );
      expect(all(item, 'a')[0]!.getAttribute('href')).toBe(q.url);
    }
  });

  it('keeps markup characters in a prompt as text', () => {
    const item = strFromU8(unzipSync(qtiPackage([hostile], 'x', 'x'))['items/hostile-1.xml']!);
    expect(item).not.toContain('<script>');
    expect(text(all(parse(item), 'prompt')[0])).toBe(hostile.question);
  });
});
