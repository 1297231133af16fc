// Listen to a chart (sonification): the series charts (ranking, trends,
// rank over the years, Lorenz) play their values as pitch with the Web
// Audio API, first to last, two octaves from 220 Hz (the lowest value) to
// 880 Hz (the highest); a missing value is a rest. Rust gives the values and
// the sentence saying what the pitch means (Widget.tones), shown beside the
// button. S on the chart plays or stops; Escape stops. No animation goes
// with it, so there is none for reduced motion to stop.

import { el } from "./dom.js";

const TONE = 0.22; // seconds a value sounds
const GAP = 0.06; // seconds between two

export const Sound = (Base) => class extends Base {
  /** The card's listen button and the text on what pitch means, or [] for
   * a chart with no tones. */
  soundControls(card) {
    if (!this.widget.tones(card.chart)) return [];
    const meaning = (card.meaning = el("p", "zm-sound-meaning"));
    meaning.id = `${this.uid}-${card.chart}-sound`;
    card.listen = this.button("zm-listen", this.t.listen, () => this.toggleSound(card));
    card.listen.setAttribute("aria-describedby", meaning.id);
    card.canvas.setAttribute("aria-keyshortcuts", "S");
    return [card.listen, meaning];
  }

  /** What the pitch means follows the state (the trends' zone, say). */
  fillSound(card) {
    const tones = card.meaning && this.widget.tones(card.chart);
    // English sentences need the space Chinese ones do without.
    if (tones) card.meaning.textContent = `${tones.meaning}${this.langTag === "en" ? " " : ""}${this.t.listen_key}`;
  }

  toggleSound(card) {
    if (this.sounding === card) return this.stopSound();
    const Context = globalThis.AudioContext ?? globalThis.webkitAudioContext;
    if (!Context) return this.announce(this.t.no_audio);
    this.stopSound();
    const values = this.widget.tones(card.chart).values;
    const known = values.filter((v) => v !== null);
    if (!known.length) return;
    const [low, high] = [Math.min(...known), Math.max(...known)];
    const audio = new Context();
    let at = audio.currentTime + 0.05;
    for (const value of values) {
      if (value !== null) {
        const share = high > low ? (value - low) / (high - low) : 0.5;
        const oscillator = audio.createOscillator();
        const gain = audio.createGain();
        oscillator.frequency.value = 220 * 2 ** (2 * share);
        gain.gain.setValueAtTime(0.2, at);
        gain.gain.setTargetAtTime(0, at + TONE * 0.7, 0.03);
        oscillator.connect(gain).connect(audio.destination);
        oscillator.start(at);
        oscillator.stop(at + TONE);
      }
      at += TONE + GAP;
    }
    this.sounding = card;
    this.audio = audio;
    card.listen.textContent = this.t.stop_sound;
    this.soundTimer = setTimeout(() => this.stopSound(), (at - audio.currentTime) * 1000);
  }

  stopSound() {
    clearTimeout(this.soundTimer);
    this.audio?.close();
    this.audio = null;
    if (this.sounding?.listen) this.sounding.listen.textContent = this.t.listen;
    this.sounding = null;
  }
};
