import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

/** Indonesian is the default; English is one switch away. Every area keeps its own messages. */
export type Lang = 'id' | 'en';
export interface Message {
  id: string;
  en: string;
}

/** Both languages must carry the same keys; TypeScript refuses a missing translation. */
export function defineMessages<const T extends Record<string, string>>(m: { id: T; en: Record<keyof T, string> }) {
  return m;
}

const LangContext = createContext<{ lang: Lang; setLang(l: Lang): void }>({ lang: 'id', setLang: () => {} });

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('khidmat.lang') === 'en' ? 'en' : 'id'));
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('khidmat.lang', l);
    setLangState(l);
  }, []);
  return <LangContext.Provider value={{ lang, setLang }}>{children}</LangContext.Provider>;
}

export function useLang() {
  return useContext(LangContext);
}

/** `t('key', { n: 3 })` fills `{n}` placeholders. */
export function useT<T extends Record<string, string>>(messages: { id: T; en: Record<keyof T, string> }) {
  const { lang } = useLang();
  return useCallback(
    (key: keyof T, vars?: Record<string, string | number>) => {
      let text = (messages[lang] as Record<keyof T, string>)[key];
      if (vars) for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
      return text;
    },
    [lang, messages],
  );
}

/** Picks the user's language out of a bilingual message from the API. */
export function pick(message: Message, lang: Lang): string {
  return message[lang];
}
