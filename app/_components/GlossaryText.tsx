import { GLOSSARY, glossarySegments } from '@/simulations/glossary';
import { IntentLink } from './IntentLink';

const SHORT = new Map(GLOSSARY.map((g) => [g.id, `${g.term}: ${g.definition.split(/(?<=\.)\s/)[0]}`]));

/**
 * `text` with the first use of each glossary term linked to its entry (`/glossary/#<id>`), the
 * entry's first sentence as the link's tooltip. Terms listed in `skip` (entry ids) stay plain,
 * e.g. those a surrounding text already linked. Renders plain text when no term occurs.
 */
export function GlossaryText(props: { text: string; skip?: ReadonlySet<string> }) {
  return (
    <>
      {glossarySegments(props.text, props.skip).map((s, i) =>
        s.id ? (
          <IntentLink key={i} href={`/glossary/#${s.id}`} title={SHORT.get(s.id)} data-glossary={s.id}>
            {s.text}
          </IntentLink>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
