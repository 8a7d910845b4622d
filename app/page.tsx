import CompareShell from './_components/CompareShell';
import { DEEP_LINK_BOOT_SCRIPT } from './_components/deep-link-boot';

/** The compare view. Its state lives in the URL, read on the client. */
export default function HomePage() {
  return (
    <main>
      <CompareShell />
      {/* Before first paint: see deep-link-boot.ts. */}
      <script dangerouslySetInnerHTML={{ __html: DEEP_LINK_BOOT_SCRIPT }} />
    </main>
  );
}
