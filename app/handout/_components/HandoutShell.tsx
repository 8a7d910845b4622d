'use client';
import { useSearch } from '../../_components/use-search';
import Handout from './Handout';

export default function HandoutShell() {
  const search = useSearch();
  return <Handout key={search === '' ? 'default' : 'url'} search={search} />;
}
