// A form's submit: busy while it runs, the error in the user's words when it fails.
import { ref } from 'vue';
import { errorText } from '../i18n/errors';
import { useLocaleStore } from '../stores/locale';

export function useSubmit() {
  const i18n = useLocaleStore();
  const busy = ref(false);
  const error = ref<string | null>(null);

  /** Runs the action once; answers whether it succeeded. */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      await action();
      return true;
    } catch (err) {
      error.value = errorText(err, i18n.locale);
      return false;
    } finally {
      busy.value = false;
    }
  }

  return { busy, error, run };
}
