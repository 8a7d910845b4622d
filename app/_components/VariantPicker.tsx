'use client';
import { variantsOf } from '@/simulations/catalog';
import styles from './compare.module.css';
import layout from './layout.module.css';

/**
 * The client settings a scenario can be run with: the story as told, or one of its variants
 * (e.g. POP3 "leave a copy on the server"). Settings are the client's choice, not the
 * protocol's, so the page lets the learner flip them and watch the difference.
 */
export function VariantPicker(props: {
  scenario: string;
  variant: string | null;
  onChange: (variant: string | null) => void;
}) {
  const variants = variantsOf(props.scenario);
  if (variants.length === 0) return null;
  const options = [{ id: null, label: 'The client settings of the story' }, ...variants];
  return (
    <fieldset className={`${styles.variants} ${layout.variants}`} data-variants="">
      <legend>Client settings (not protocol): run the story with</legend>
      {options.map((o) => (
        <label key={o.id ?? 'story'}>
          <input
            type="radio"
            name="variant"
            value={o.id ?? ''}
            checked={props.variant === o.id}
            onChange={() => props.onChange(o.id)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
