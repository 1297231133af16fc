// Read aloud (语音阅读): a button per chart that speaks its summary, and an
// option to speak each datum as the keyboard moves over a chart, with the
// browser's own speech synthesis in the page's language (zh-CN or en);
// nothing is fetched. Escape stops. Where the browser has no voice for the
// language, the button says so.

import { el } from "./dom.js";

export const Speech = (Base) => class extends Base {
  /** The BCP 47 tag spoken in: the widget's language. */
  get speechLang() {
    return this.langTag === "zh" ? "zh-CN" : "en";
  }

  /** A voice for the widget's language, or null (after the browser has had
   * a moment to list its voices: Chromium lists them late). */
  async voice() {
    const synth = globalThis.speechSynthesis;
    if (!synth) return null;
    let voices = synth.getVoices();
    if (!voices.length) {
      await new Promise((resolve) => {
        synth.addEventListener("voiceschanged", resolve, { once: true });
        setTimeout(resolve, 1000);
      });
      voices = synth.getVoices();
    }
    const prefix = this.langTag === "zh" ? "zh" : "en";
    return voices.find((v) => v.lang.toLowerCase().startsWith(prefix)) ?? null;
  }

  /** The card's read-aloud button: speaks the summary, or stops. */
  speakButton(card) {
    const button = this.button("zm-speak", this.t.read_aloud, async () => {
      if (this.speaking === button) return this.stopSpeaking();
      if (!(await this.speak(card.summary.textContent, button))) {
        button.textContent = this.t.no_voice;
        button.disabled = true;
        this.announce(this.t.no_voice);
      }
    });
    return button;
  }

  /** Speaks `text` in the widget's language; false when there is no voice.
   * `button` (if any) shows "stop" while it speaks. */
  async speak(text, button) {
    // The voice is only asked about: the utterance's lang picks it.
    if (!(await this.voice())) return false;
    this.stopSpeaking();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = this.speechLang;
    if (button) {
      this.speaking = button;
      button.textContent = this.t.stop_reading;
      utterance.addEventListener("end", () => this.speaking === button && this.stopSpeaking());
    }
    speechSynthesis.speak(utterance);
    return true;
  }

  stopSpeaking() {
    if (this.speaking) this.speaking.textContent = this.t.read_aloud;
    this.speaking = null;
    globalThis.speechSynthesis?.cancel();
  }

  /** The control bar's option: speak the datum the keyboard moves to. */
  speakFocusOption() {
    const box = el("div", "zm-control zm-control-speak");
    const input = el("input");
    input.type = "checkbox";
    input.id = `${this.uid}-speak-focus`;
    input.checked = Boolean(this.speakFocus);
    const label = el("label", "", this.t.speak_focus);
    label.htmlFor = input.id;
    this.listen(input, "change", () => (this.speakFocus = input.checked));
    box.append(input, label);
    return box;
  }

  /** Called as the keyboard focuses a datum. */
  datumFocused(label) {
    if (this.speakFocus) this.speak(label);
  }
};
