/**
 * `text` made safe to hand to xmlbuilder2 as literal text or an attribute value: its writer keeps
 * an `&` that already starts an entity reference ("&lt;", "&#60;") instead of escaping it, so a
 * prompt that says "type &lt;" would reach the learner as "type <". Writing those ampersands as
 * `&amp;` first makes the writer keep that, and the reader get the text back unchanged.
 */
export function literal(text: string): string {
  return text.replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;');
}
