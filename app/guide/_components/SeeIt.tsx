import Link from 'next/link';
import type { ResolvedLink } from '@/simulations/resolve-links';

/**
 * "See it: <scenario title>, step n": a link to the step of a scenario that shows a point,
 * resolved at build time (simulations/resolve-links.ts). `n` is 1-based, as the player counts.
 */
export function SeeIt(props: { link: ResolvedLink; className?: string }) {
  const { link } = props;
  return (
    <Link href={link.href} className={props.className} data-step={link.step}>
      See it: {link.title}, step {link.step + 1}
    </Link>
  );
}
