'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { ComponentProps } from 'react';

/**
 * A `next/link` that fetches the linked page's code when the reader shows intent (a pointer
 * over it, keyboard focus, a touch starting), not as soon as the link scrolls into view, as
 * `next/link` does by default in a production build. Pages that merely show a link (the compare
 * view's site navigation, glossary terms in the narration) then do not download other pages'
 * JavaScript at load (issue 15's bundle budget); following the link behaves the same.
 * `href` is a same-site path, e.g. `/glossary/#uid`.
 */
export function IntentLink({
  href,
  ...props
}: Omit<ComponentProps<typeof Link>, 'href' | 'prefetch'> & { href: string }) {
  const router = useRouter();
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={prefetch}
      onTouchStart={prefetch}
      onFocus={prefetch}
    />
  );
}
