// The UI language: Chinese by default, remembered in this browser.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { translate, type Locale, type MessageKey } from '../i18n/messages';

const storageKey = 'gasgrid.locale';

export const useLocaleStore = defineStore('locale', () => {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null;
  const locale = ref<Locale>(saved === 'en' ? 'en' : 'zh');

  function toggle(): void {
    locale.value = locale.value === 'zh' ? 'en' : 'zh';
    localStorage.setItem(storageKey, locale.value);
    document.documentElement.lang = locale.value === 'zh' ? 'zh-CN' : 'en';
  }

  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale.value, key, params);
  /** Picks the name in the current language, falling back to Chinese. */
  const pick = (zh: string | null | undefined, en: string | null | undefined) => (locale.value === 'en' && en ? en : zh ?? '');

  return { locale, toggle, t, pick };
});
