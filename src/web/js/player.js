// The year player: steps through the data's years once, from the shown
// year (or the first, when the last is shown) to the last, and stops there.
// It pauses when the reader cannot see it: the widget scrolled off screen
// (IntersectionObserver) or the page hidden (another tab, a locked phone).

export const Player = (Base) => class extends Base {
  startPlaying() {
    const years = Array.from(this.widget.years());
    const last = years[years.length - 1];
    if (this.widget.state().year === last) this.selectYear(years[0]);
    this.playing = setInterval(
      this.guard(() => {
        const i = years.indexOf(this.widget.state().year);
        this.selectYear(years[Math.min(i + 1, years.length - 1)]);
        if (this.widget.state().year === last) {
          this.stopPlaying();
          this.announce(this.t.played);
        }
      }),
      1200,
    );
    this.onScreen ??= new IntersectionObserver((entries) => entries.some((e) => !e.isIntersecting) && this.stopPlaying());
    this.onScreen.observe(this);
    this.onPageHidden ??= () => document.hidden && this.stopPlaying();
    document.addEventListener("visibilitychange", this.onPageHidden);
    this.playButton.textContent = this.t.pause;
    this.playButton.setAttribute("aria-pressed", "true");
  }

  stopPlaying() {
    clearInterval(this.playing);
    this.playing = null;
    this.onScreen?.disconnect();
    document.removeEventListener("visibilitychange", this.onPageHidden);
    if (this.playButton) {
      this.playButton.textContent = this.t.play;
      this.playButton.setAttribute("aria-pressed", "false");
    }
  }
};
