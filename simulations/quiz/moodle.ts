import { create, fragment } from 'xmlbuilder2';
import { literal } from './xml-text';
import { watchLabel, type QuizQuestion } from './questions';

/*
 * Moodle XML (docs.moodle.org/en/Moodle_XML_format): a category, then one `multichoice` question
 * per prediction with a single right answer (fraction 100, the others 0), each choice's feedback,
 * and the question text in HTML with a link to the step. Text is escaped by xmlbuilder2, twice
 * where Moodle expects HTML inside XML.
 */

/** The question text as HTML: the question, then a paragraph linking to its step. */
function questionHtml(question: QuizQuestion): string {
  return fragment()
    .ele('p')
    .txt(literal(question.question))
    .up()
    .ele('p')
    .ele('a', { href: literal(question.url) })
    .txt(literal(watchLabel(question)))
    .up()
    .up()
    .end();
}

function html(text: string): string {
  return fragment().ele('p').txt(literal(text)).up().end();
}

/**
 * A Moodle XML quiz file of `questions` in the category `category` (under the course's default,
 * `$course$/…`). Import it in Moodle's question bank (Import → Moodle XML format).
 */
export function moodleXml(questions: readonly QuizQuestion[], category = 'POP vs IMAP Lab'): string {
  const quiz = create({ version: '1.0', encoding: 'UTF-8' }).ele('quiz');
  quiz
    .ele('question', { type: 'category' })
    .ele('category')
    .ele('text')
    .txt(literal(`$course$/${category}`));
  for (const q of questions) {
    const item = quiz.ele('question', { type: 'multichoice' });
    item
      .ele('name')
      .ele('text')
      .txt(literal(`${q.scenarioTitle}: ${q.question}`));
    item
      .ele('questiontext', { format: 'html' })
      .ele('text')
      .txt(literal(questionHtml(q)));
    item.ele('generalfeedback', { format: 'html' }).ele('text').txt('');
    item.ele('defaultgrade').txt('1');
    item.ele('penalty').txt('0');
    item.ele('hidden').txt('0');
    item.ele('idnumber').txt(literal(q.id));
    item.ele('single').txt('true');
    item.ele('shuffleanswers').txt('true');
    item.ele('answernumbering').txt('abc');
    for (const choice of q.choices) {
      const answer = item.ele('answer', { fraction: choice.correct ? '100' : '0', format: 'html' });
      answer.ele('text').txt(literal(html(choice.text)));
      answer
        .ele('feedback', { format: 'html' })
        .ele('text')
        .txt(literal(html(choice.feedback)));
    }
  }
  return quiz.end({ prettyPrint: true }) + '\n';
}
