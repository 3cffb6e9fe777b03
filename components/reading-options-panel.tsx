'use client';

import { useTranslation } from '@/components/i18n-provider';
import { chineseScripts, type ChineseScript } from '@/lib/annotate/types';
import {
  isOneOf,
  PHONETIC_PARAM,
  SCRIPT_PARAM,
  TONES_PARAM,
  readerLevels,
  textSizes,
  DEFAULT_TEXT_SIZE,
  type StoredOption,
} from './reading-options';
import { useStoredOption } from './use-stored-option';
import { useUrlParam } from './use-url-param';

interface Choice {
  value: string;
  label: string;
}

/** A group of radio buttons for one option; `null` is the option's default. */
function ChoiceGroup({
  name,
  legend,
  choices,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <fieldset className="option-group">
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <input
            type="radio"
            name={name}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>{choice.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A URL switch between a default and one other value (`?script=trad`, `?phonetic=zhuyin`). */
function useUrlChoice(param: string, other: string, fallback: string): [string, (value: string) => void] {
  const [value, setValue] = useUrlParam(param);
  return [value === other ? other : fallback, (next) => setValue(next === other ? other : null)];
}

/**
 * The script choice: the text's own script unless the URL names the other (a traditional text
 * shows as written; `?script=simp` converts it), and choosing the text's own drops the parameter.
 */
function useScriptChoice(source: ChineseScript): [ChineseScript, (value: string) => void] {
  const [value, setValue] = useUrlParam(SCRIPT_PARAM);
  return [isOneOf(chineseScripts, value) ? value : source, (next) => setValue(next === source ? null : next)];
}

function useStoredChoice(option: StoredOption, fallback: string): [string, (value: string) => void] {
  const [value, setValue] = useStoredOption(option);
  return [value ?? fallback, (next) => setValue(next === fallback ? null : next)];
}

/**
 * The reading options behind one disclosure: phonetic notation, tone colours, script, text size
 * and theme. Each is kept in the URL; text size and theme also across visits. `script` is the
 * script the text is written in, which the script choice starts from.
 */
export function ReadingOptionsPanel({ script: source = 'simp' }: { script?: ChineseScript }) {
  const { t } = useTranslation();
  const [notation, setNotation] = useUrlChoice(PHONETIC_PARAM, 'zhuyin', 'pinyin');
  const [script, setScript] = useScriptChoice(source);
  const [tones, setTones] = useUrlParam(TONES_PARAM);
  const [size, setSize] = useStoredChoice('size', DEFAULT_TEXT_SIZE);
  const [theme, setTheme] = useStoredChoice('theme', 'auto');
  const [level, setLevel] = useStoredOption('level');
  const [pinyinAbove, setPinyinAbove] = useStoredOption('pinyinabove');
  return (
    <details className="reading-options">
      <summary>{t('options.title')}</summary>
      <div className="reading-options-body">
        <ChoiceGroup
          name="phonetic"
          legend={t('options.notation')}
          value={notation}
          onChange={setNotation}
          choices={[
            { value: 'pinyin', label: t('options.notation.pinyin') },
            { value: 'zhuyin', label: t('options.notation.zhuyin') },
          ]}
        />
        <label className="option-check">
          <input type="checkbox" checked={tones === '1'} onChange={(event) => setTones(event.target.checked ? '1' : null)} />
          <span>{t('options.tones')}</span>
        </label>
        <ChoiceGroup
          name="script"
          legend={t('options.script')}
          value={script}
          onChange={setScript}
          choices={[
            { value: 'simp', label: t('options.script.simp') },
            { value: 'trad', label: t('options.script.trad') },
          ]}
        />
        <label className="option-select">
          <span>{t('options.level')}</span>
          <select value={level ?? ''} onChange={(event) => setLevel(event.target.value || null)}>
            <option value="">{t('options.level.off')}</option>
            {readerLevels.map((value) => (
              <option key={value} value={value}>
                {t('options.level.hsk', { level: value })}
              </option>
            ))}
          </select>
        </label>
        <label className="option-check">
          <input
            type="checkbox"
            checked={pinyinAbove === '1'}
            disabled={level === null}
            onChange={(event) => setPinyinAbove(event.target.checked ? '1' : null)}
          />
          <span>{t('options.pinyinAbove')}</span>
        </label>
        <ChoiceGroup
          name="size"
          legend={t('options.size')}
          value={size}
          onChange={setSize}
          choices={textSizes.map((value) => ({ value, label: t(`options.size.${value}`) }))}
        />
        <ChoiceGroup
          name="theme"
          legend={t('options.theme')}
          value={theme}
          onChange={setTheme}
          choices={['auto', 'light', 'dark'].map((value) => ({ value, label: t(`options.theme.${value}`) }))}
        />
      </div>
    </details>
  );
}
