import { useState, type ReactNode } from 'react';
import { useLang, useT } from '../lib/i18n';
import { useSubmit } from '../lib/use-submit';
import { FormError, SelectField, SubmitRow, TextArea, fieldError } from '../ui/forms';
import { m, OPTIONS, QUESTIONS } from './messages';
import type { Answer } from './types';
import './skm.css';

const SCALE = [1, 2, 3, 4] as const;
type Profile = keyof typeof OPTIONS;

/**
 * The questionnaire: the nine questions, each a group of four large choices; the respondent's
 * profile, all optional; an open suggestion. `extra` holds fields of the paper entry.
 */
export function SurveyForm({ send, onSent, extra, label }: { send: (a: Answer) => Promise<unknown>; onSent: () => void; extra?: ReactNode; label?: string }) {
  const t = useT(m);
  const { lang } = useLang();
  const [scores, setScores] = useState<(number | undefined)[]>(Array(9).fill(undefined));
  const [profile, setProfile] = useState<Partial<Record<Profile, string>>>({});
  const [suggestion, setSuggestion] = useState('');
  const [missing, setMissing] = useState<number[]>([]);
  const { busy, error, submit } = useSubmit(
    async () => {
      const gaps = scores.flatMap((s, i) => (s === undefined ? [i + 1] : []));
      setMissing(gaps);
      if (gaps.length) {
        document.getElementById(`skm-q${gaps[0]}`)?.focus();
        return false;
      }
      const answer: Answer = { scores: scores as number[], ...Object.fromEntries(Object.entries(profile).filter(([, v]) => v)) };
      if (suggestion.trim()) answer.suggestion = suggestion.trim();
      await send(answer);
      return true;
    },
    (ok) => {
      if (!ok) return;
      setScores(Array(9).fill(undefined));
      setProfile({});
      setSuggestion('');
      onSent();
    },
  );
  return (
    <form onSubmit={submit} noValidate>
      {extra}
      {QUESTIONS[lang].map((q, i) => (
        <fieldset key={i} className="skm-question" id={`skm-q${i + 1}`} tabIndex={-1} aria-invalid={missing.includes(i + 1) || undefined}>
          <legend>
            <span className="skm-n">{t('question').replace('{n}', String(i + 1))}</span>
            {q}
          </legend>
          <div className="skm-choices">
            {SCALE.map((v) => (
              <label key={v} className="skm-choice">
                <input type="radio" name={`u${i + 1}`} value={v} checked={scores[i] === v} onChange={() => setScores((s) => s.map((x, j) => (j === i ? v : x)))} />
                {t(`s${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="skm-question">
        <legend>{t('aboutYou')}</legend>
        {(Object.keys(OPTIONS) as Profile[]).map((k) => (
          <SelectField key={k} label={t(k)} value={profile[k] ?? ''} error={fieldError(error, k)} onChange={(e) => setProfile((p) => ({ ...p, [k]: e.target.value }))}>
            <option value="">{t('notSaid')}</option>
            {Object.entries(OPTIONS[k]).map(([v, names]) => (
              <option key={v} value={v}>{names[lang === 'id' ? 0 : 1]}</option>
            ))}
          </SelectField>
        ))}
      </fieldset>
      <TextArea label={t('suggestion')} hint={t('suggestionHint')} maxLength={2000} rows={4} value={suggestion} error={fieldError(error, 'suggestion')} onChange={(e) => setSuggestion(e.target.value)} />
      {missing.length ? <p className="alert alert-error" role="alert">{t('missing').replace('{list}', missing.join(', '))}</p> : null}
      <FormError error={error} shownFields={['suggestion', ...Object.keys(OPTIONS)]} />
      <SubmitRow label={label ?? t('send')} busy={busy} />
    </form>
  );
}
