import type { SceneItem } from './sequence-scene';

/**
 * Whether two scene items draw the same. The scene is rebuilt at every step, but most of its
 * items do not change: memoised shapes compare them with this instead of by identity.
 */
export function sameItem(a: SceneItem, b: SceneItem): boolean {
  if (a.key !== b.key || a.y !== b.y || a.height !== b.height || a.current !== b.current) return false;
  if (a.kind === 'arrow' && b.kind === 'arrow')
    return a.x1 === b.x1 && a.x2 === b.x2 && a.label === b.label && a.expanded === b.expanded;
  if (a.kind === 'note' && b.kind === 'note')
    return a.x === b.x && a.width === b.width && a.label === b.label;
  if (a.kind === 'break' && b.kind === 'break') return a.x1 === b.x1 && a.x2 === b.x2;
  return false;
}
