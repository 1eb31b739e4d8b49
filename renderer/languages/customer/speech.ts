import { useEffect, useState } from 'react';

/** Voices that speak a language but are filed under another code: Cantonese is usually zh-HK. */
const ALSO_SPOKEN_BY: Readonly<Record<string, readonly string[]>> = { yue: ['zh-hk'] };

const tag = (value: string) => value.replace(/_/g, '-').toLowerCase();

/**
 * A voice of this computer's that speaks the language, or null: the exact tag first, then any
 * voice with the same language ('so' for 'so-SO'). Windows usually has none for Somali,
 * Tigrinya, Yoruba or Twi, and then the customer view offers no "Listen" at all.
 */
export function voiceFor(voices: readonly SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | null {
  const wanted = tag(lang);
  const primary = wanted.split('-')[0] ?? wanted;
  const exact = voices.find((voice) => tag(voice.lang) === wanted);
  if (exact) return exact;
  const sameLanguage = voices.find((voice) => tag(voice.lang).split('-')[0] === primary);
  if (sameLanguage) return sameLanguage;
  const others = ALSO_SPOKEN_BY[primary] ?? [];
  return voices.find((voice) => others.includes(tag(voice.lang))) ?? null;
}

/** The voice for a language, updated when the system's voices arrive (Chromium loads them late). */
export function useVoice(lang: string): SpeechSynthesisVoice | null {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  const [voices, setVoices] = useState<readonly SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  useEffect(() => {
    if (!synth) return;
    const refresh = () => setVoices(synth.getVoices());
    refresh();
    synth.addEventListener?.('voiceschanged', refresh);
    return () => synth.removeEventListener?.('voiceschanged', refresh);
  }, [synth]);
  return voiceFor(voices, lang);
}

/** Says the text in the voice, with the utterance's lang set too. */
export function speak(text: string, lang: string, voice: SpeechSynthesisVoice): void {
  const synth = window.speechSynthesis;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  utterance.voice = voice;
  synth.cancel();
  synth.speak(utterance);
}
