// A grid's name as the planner sees it: from the layout being edited (it may hold grids the server has not saved yet).
import { useLocaleStore } from '../stores/locale';
import { usePlannerStore } from '../stores/planner';

export function useGridName() {
  const i18n = useLocaleStore();
  const planner = usePlannerStore();
  return (code: string | null | undefined): string => {
    if (code === null || code === undefined) return i18n.t('noGrid');
    const f = planner.layout.features.find((g) => g.properties.code === code);
    return (f && i18n.pick(f.properties.name, f.properties.name_en)) || i18n.t('gridN', { code });
  };
}
