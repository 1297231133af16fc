// The chrome around the charts: the header, the tabs, the control bar (year
// with play, zone, level, area, indicator, log scale, share link) and the
// evaluation controls; the state changes they make (set in Rust through the
// widget), and what follows one (`update`).

import { el, nextTask } from "./dom.js";

/** How long a weight slider rests (ms) before the ranking is said aloud. */
const SETTLE = 700;

export const Controls = (Base) => class extends Base {
  /** The whole widget from the state in Rust; `staged` on load (cards.js). */
  render(staged = false) {
    const t = this.t;
    const texts = this.widget.texts();
    this.frame.lang = this.langTag === "zh" ? "zh-CN" : "en";
    this.frame.replaceChildren();

    const header = el("header", "zm-header");
    header.append(el(`h${this.headingLevel}`, "zm-title", texts.title));
    // A page that sets the language itself (the studio's preview) hides the switch.
    if (!this.hasAttribute("no-lang-switch")) {
      // The page is built again in the other language: the focus goes to
      // the new button, where the reader pressed (as the elder toggle does).
      const switchLang = this.button("zm-lang", texts.switch_language, () => {
        this.setAttribute("lang", this.langTag === "zh" ? "en" : "zh");
        this.frame.querySelector(".zm-lang")?.focus();
      });
      switchLang.lang = this.langTag === "zh" ? "en" : "zh-CN";
      header.append(switchLang);
    }
    header.append(this.elderToggle(), this.printButton());
    if (texts.illustrative_notice) header.append(el("p", "zm-notice", texts.illustrative_notice));
    const warnings = this.widget.warnings();
    if (warnings.length) {
      const box = el("details", "zm-warnings");
      box.append(el("summary", "", `${t.warnings}${warnings.length}`));
      const list = el("ul");
      for (const w of warnings) list.append(el("li", "", w.message));
      box.append(list);
      header.append(box);
    }

    this.tabs = this.widget.tabs();
    const tablist = el("div", "zm-tabs");
    tablist.setAttribute("role", "tablist");
    tablist.setAttribute("aria-label", t.tabs);
    this.tabButtons = this.tabs.map((tab, i) => {
      const b = this.button("zm-tab", tab.label, () => this.selectTab(tab.id, true));
      b.id = `${this.uid}-tab-${tab.id}`;
      b.setAttribute("role", "tab");
      b.setAttribute("aria-controls", `${this.uid}-panel`);
      b.dataset.tab = tab.id;
      this.listen(b, "keydown", (event) => this.onTabKey(event, i));
      return b;
    });
    tablist.append(...this.tabButtons);

    this.panel = el("section", "zm-panel");
    this.panel.id = `${this.uid}-panel`;
    this.panel.setAttribute("role", "tabpanel");
    this.panel.tabIndex = -1;

    // The datum under the keyboard focus, for screen readers (the tooltip
    // shows it); every other message is the visible line (feedback.js).
    this.live = el("p", "zm-live");
    this.live.setAttribute("aria-live", "polite");

    this.frame.append(header, tablist, this.settingsRow(this.controls()), this.messageLine());
    if (this.linkIgnored?.length) {
      const notice = el("div", "zm-link-notice");
      const text = el("p", "", `${t.link_ignored}${this.linkIgnored.join(", ")}`);
      text.setAttribute("role", "status");
      notice.append(text, this.dismissButton(() => {
        this.linkIgnored = null;
        notice.remove();
      }));
      this.frame.append(notice);
    }
    this.frame.append(this.panel, this.live);
    if (!staged) return this.renderTab();
    // On load the tab's panel is a task of its own, after the chrome's.
    const panel = this.panel;
    return nextTask().then(() => this.panel === panel && this.widget && this.renderTab(true));
  }

  controls() {
    const t = this.t;
    const bar = el("div", "zm-controls");

    // Year: a slider over the data's years, with play and pause.
    const state = this.widget.state();
    const years = Array.from(this.widget.years());
    const yearBox = el("div", "zm-control");
    const yearLabel = el("label", "", t.year);
    const slider = el("input", "zm-year");
    slider.type = "range";
    slider.min = String(years[0]);
    slider.max = String(years[years.length - 1]);
    slider.step = "1";
    slider.value = String(state.year);
    slider.id = yearLabel.htmlFor = `${this.uid}-year`;
    const output = el("output", "zm-year-value", String(state.year));
    output.htmlFor = slider.id;
    // The slider says its own year; an <output> is a live region, which
    // would say it again on every change (and on a weight change).
    output.setAttribute("aria-live", "off");
    this.listen(slider, "input", () => this.selectYear(Number(slider.value)));
    this.playButton = this.button("zm-play", t.play, () => (this.playing ? this.stopPlaying() : this.startPlaying()));
    this.playButton.setAttribute("aria-pressed", "false");
    yearBox.append(yearLabel, slider, output, this.playButton);
    this.yearSlider = slider;
    this.yearOutput = output;

    // Zone: search by part of a name, an id or a sub-park (search.js).
    const zoneBox = this.zoneSearch(state);

    // Level and metro-area filters: a select each, "" for all.
    const filter = (key, options) => {
      const box = el("div", "zm-control");
      const label = el("label", "", t[key]);
      const select = el("select", `zm-${key}`);
      select.id = label.htmlFor = `${this.uid}-${key}`;
      for (const [value, text] of [["", t.all_levels], ...options]) {
        const option = el("option", "", text);
        option.value = value;
        select.append(option);
      }
      select.value = state[key];
      this.listen(select, "change", () => {
        this.widget[`set_${key}`](select.value);
        this.update();
      });
      box.append(label, select);
      return box;
    };
    const levelBox = filter("level", [["national", t.national], ["regional", t.regional]]);
    const areaBox = filter("area", this.widget.areas());

    // The indicator the trends chart follows.
    const indicatorBox = el("div", "zm-control zm-control-indicator");
    const indicatorLabel = el("label", "", t.indicator);
    const indicatorSelect = el("select", "zm-indicator");
    indicatorSelect.id = indicatorLabel.htmlFor = `${this.uid}-indicator`;
    for (const indicator of this.widget.indicators()) {
      // A unit with brackets of its own ("比例（0–1）") after a dot, not in
      // a second pair of brackets.
      const u = indicator.unit;
      const unit = !u ? "" : /[（(]/.test(u) ? ` · ${u}` : this.langTag === "zh" ? `（${u}）` : ` (${u})`;
      const option = el("option", "", indicator.name + unit);
      option.value = indicator.id;
      indicatorSelect.append(option);
    }
    indicatorSelect.value = state.indicator ?? "";
    this.listen(indicatorSelect, "change", () => {
      this.widget.set_indicator(indicatorSelect.value);
      this.update();
    });
    indicatorBox.append(indicatorLabel, indicatorSelect);

    // Log scale, for the charts that offer it.
    const logBox = el("div", "zm-control zm-control-log");
    const log = el("input");
    log.type = "checkbox";
    log.id = `${this.uid}-log`;
    log.checked = state.log_scale;
    const logLabel = el("label", "", t.log);
    logLabel.htmlFor = log.id;
    this.listen(log, "change", () => {
      this.widget.set_log_scale(log.checked);
      this.update();
    });
    logBox.append(log, logLabel);

    const share = this.button("zm-share", t.share, async () => {
      const link = this.shareLink();
      try {
        await navigator.clipboard.writeText(link);
        this.announce(t.copied);
      } catch {
        this.announce(link);
      }
    });

    bar.append(yearBox, zoneBox, levelBox, areaBox, indicatorBox, logBox, share, this.speakFocusOption());
    this.controlBoxes = { year: yearBox, zone: zoneBox, level: levelBox, area: areaBox, indicator: indicatorBox, log_scale: logBox };
    return bar;
  }

  onTabKey(event, index) {
    const count = this.tabButtons.length;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: count - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = this.tabButtons[(next + count) % count];
    this.selectTab(target.dataset.tab, false);
    target.focus();
  }

  /** Weight sliders per dimension, the method, reset: the ranking follows. */
  evaluationControls() {
    const t = this.t;
    const framework = this.widget.framework();
    const box = el("section", "zm-evaluation");
    const heading = el(`h${this.headingLevel + 1}`, "", framework.name);
    const help = el("p", "zm-help", t.weights_help);
    help.id = `${this.uid}-weights-help`;
    const fieldset = el("fieldset", "zm-weights");
    fieldset.append(el("legend", "", t.weights));
    const sliders = framework.dimensions.map((dimension) => {
      const row = el("div", "zm-weight");
      const label = el("label", "", dimension.name);
      const slider = el("input");
      const output = el("output", "zm-weight-value");
      slider.type = "range";
      slider.min = "0";
      slider.max = "60";
      slider.step = "1";
      slider.id = label.htmlFor = `${this.uid}-weight-${dimension.id}`;
      slider.setAttribute("aria-describedby", help.id);
      output.htmlFor = slider.id;
      // Not live: one key press changed all six shares, each said aloud (a
      // tester counted 9 live regions, ~370 characters, a press); the slider
      // moved says its share (aria-valuetext), the ranking's status the rest.
      output.setAttribute("aria-live", "off");
      row.append(label, slider, output);
      fieldset.append(row);
      return { slider, output };
    });
    const weightsLine = el("p", "zm-weights-line");
    fieldset.append(weightsLine);
    const values = () => new Float64Array(sliders.map((s) => Number(s.slider.value)));
    const showShares = () => this.widget.weight_shares(values()).forEach((share, i) => {
      sliders[i].output.textContent = share;
      sliders[i].slider.setAttribute("aria-valuetext", share);
    });
    const status = el("p", "zm-evaluation-status");
    status.setAttribute("role", "status");
    // The ranking's top and the selected zone's rank in one line: on a
    // phone stuck to the screen's top while the sliders are in use, wide at
    // the top of the sliders (the status says the same at length to a
    // screen reader).
    const glance = el("p", "zm-glance");
    glance.setAttribute("aria-hidden", "true");
    const methodRow = el("div", "zm-control");
    const methodLabel = el("label", "", t.method);
    const method = el("select", "zm-method");
    method.id = methodLabel.htmlFor = `${this.uid}-method`;
    for (const preset of framework.presets) {
      const option = el("option", "", preset.label);
      option.value = preset.id;
      method.append(option);
    }
    // The select, the sliders and the line under them show the settings in
    // Rust: the method's weights (entropy weights computed from the data,
    // sliders off) or the sliders' own, and "custom" once one moved.
    // The rules: a stepper per parameter, in words above them, their effect
    // against the file's rules below.
    const rulesBox = el("fieldset", "zm-rules");
    rulesBox.append(el("legend", "", t.rules));
    const rulesLine = el("p", "zm-rules-line");
    const effect = el("p", "zm-rules-effect");
    effect.setAttribute("aria-live", "polite");
    rulesBox.append(rulesLine);
    const steppers = framework.rules.labels.map((text, i) => {
      const row = el("div", "zm-rule");
      const label = el("label", "", text);
      const input = el("input");
      input.type = "number";
      input.min = "0";
      // Counts are whole numbers up to 10⁶; the score (the fourth) any
      // number (rules::from_values), so 7.5 is not marked invalid.
      input.step = i === 3 ? "any" : "1";
      if (i !== 3) input.max = "1000000";
      input.id = label.htmlFor = `${this.uid}-rule-${i}`;
      row.append(label, input);
      rulesBox.append(row);
      return input;
    });
    const keepRow = el("div", "zm-rule");
    const keep = el("input");
    keep.type = "checkbox";
    const keepLabel = el("label", "", t.keep_exited);
    keep.id = keepLabel.htmlFor = `${this.uid}-keep-exited`;
    keepRow.append(keep, keepLabel);
    rulesBox.append(keepRow);
    this.listen(keep, "change", () => applyEvaluation(() => this.widget.set_keep_exited(keep.checked)));
    const resetRules = this.button("zm-reset-rules", t.reset_rules, () => applyEvaluation(() => this.widget.set_rules(undefined)));
    const promotion = el("p", "zm-rules-effect");
    rulesBox.append(resetRules, effect, promotion);
    const sync = (f) => {
      rulesLine.textContent = f.rules.line;
      effect.textContent = f.rules.effect;
      promotion.textContent = f.rules.promotion;
      f.rules.values.forEach((v, i) => (steppers[i].value = String(v)));
      keep.checked = f.rules.keep_exited;
      method.value = f.preset;
      weightsLine.textContent = f.weights_line;
      f.dimensions.forEach((d, i) => {
        sliders[i].slider.disabled = !f.sliders;
        sliders[i].slider.value = String(Math.round(d.weight));
        sliders[i].output.textContent = d.share;
        sliders[i].slider.setAttribute("aria-valuetext", d.share);
      });
    };
    sync(framework);
    const showGlance = () => {
      try {
        glance.textContent = this.widget.evaluation_summary().compact;
      } catch {
        glance.textContent = ""; // no evaluation: the status says why
      }
    };
    this.syncWeights = () => {
      if (!box.isConnected) return;
      sync(this.widget.framework());
      syncJoin();
      showGlance();
    };
    // Applies a change of the evaluation settings: the status line then says
    // why they cannot be used, or what the new ranking is.
    // The change applied and the ranking following; a change the engine
    // refuses is said in the status line, or (`besideIt`) returned for the
    // caller to say where it was made.
    const applyEvaluation = (change, besideIt = false, then) => {
      try {
        change();
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) throw error;
        if (!besideIt) status.textContent = String(error.message || error);
        return error;
      }
      const { summary } = this.widget.evaluation_summary();
      // The status line after the drawing, before it is said ready (`update`).
      this.update(() => {
        status.textContent = summary;
        then?.();
      });
    };
    // A slider's share follows at once; the ranking at most once a frame
    // (a drag or a held key can fire faster than the screen shows): the
    // first move of a frame is applied at once, later ones of that frame
    // together at the next one, with the sliders' values then.
    let frame = 0;
    let waiting = false;
    // While a slider moves, the ranking's status and the rules' effect (long
    // live regions: a tester heard ~600 characters a key press) change on
    // screen but quietly; once it has rested SETTLE ms they are live again,
    // their last words said once.
    let settle = 0;
    const quietWhileMoving = () => {
      for (const region of [status, effect]) region.setAttribute("aria-live", "off");
      clearTimeout(settle);
      settle = setTimeout(() => {
        for (const region of [status, effect]) region.setAttribute("aria-live", "polite");
        // The same words written again, in a later task than the region
        // turned live: a change, which is said.
        setTimeout(() => {
          for (const region of [status, effect]) region.textContent = String(region.textContent);
        }, 50);
      }, SETTLE);
    };
    const applyWeights = () => {
      quietWhileMoving();
      if (frame) {
        showShares();
        waiting = true;
        return;
      }
      const refused = applyEvaluation(() => {
        const weights = values();
        this.widget.set_weights(weights);
        this.ownWeights = weights; // only weights the engine took
      }, false, showShares);
      // Refused (every weight 0; the status says why): the sliders go back
      // to the weights the ranking uses, so a thumb at 0 is never labelled
      // 100% (a tester).
      if (refused) sync(this.widget.framework());
      frame = requestAnimationFrame(() => {
        frame = 0;
        if (waiting && box.isConnected) {
          waiting = false;
          applyWeights();
        }
      });
    };
    for (const s of sliders) this.listen(s.slider, "input", applyWeights);
    // A rule the engine refuses is said inside the rules' box, beside the
    // stepper, not only in the status line under the ranking.
    // The rules apply as a set: while one is unusable none changes, and
    // each unusable box is marked (a count a whole number from 0 to 10⁶, the
    // score — the fourth — any number of 0 or more: rules::from_values), the
    // engine's message said once, beside them. An emptied box is a rule
    // off: it says 0.
    for (const input of steppers) {
      this.listen(input, "change", () => {
        if (!input.value.trim()) input.value = "0";
        const numbers = steppers.map((x) => Number(x.value));
        const refused = applyEvaluation(() => this.widget.set_rules(new Float64Array(numbers)), true);
        steppers.forEach((x, i) => {
          const v = numbers[i];
          const usable = v >= 0 && (i === 3 ? Number.isFinite(v) : Number.isInteger(v) && v <= 1e6);
          if (refused && !usable) x.setAttribute("aria-invalid", "true");
          else x.removeAttribute("aria-invalid");
        });
        if (refused) effect.textContent = String(refused.message || refused);
      });
    }
    this.listen(method, "change", () => applyEvaluation(() => {
      this.widget.set_preset(method.value);
      // The reader's own weights come back with "custom" after another
      // method was tried (set_preset gives the framework's).
      if (method.value === "custom" && this.ownWeights) this.widget.set_weights(this.ownWeights);
    }));
    methodRow.append(methodLabel, method);
    const reset = this.button("zm-reset", t.reset, () => {
      this.widget.reset_evaluation();
      this.ownWeights = null;
      this.renderTab();
      this.panel.querySelector(".zm-reset")?.focus(); // rebuilt: the focus back
    });
    // Integration: the selected national zone's partners (the criterion in
    // each option), the result in a sentence and a table.
    const joinBox = el("fieldset", "zm-rules");
    joinBox.append(el("legend", "", t.integrate));
    const joinRow = el("div", "zm-rule");
    const joinLabel = el("label", "", t.integrate_with);
    const join = el("select", "zm-integrate");
    join.id = joinLabel.htmlFor = `${this.uid}-integrate`;
    const joinHint = el("p", "zm-help");
    // The result goes under the ranking (renderTab), out of the sliders'
    // narrow sticky column; its table scrolls sideways rather than break words.
    const joinResult = el("div", "zm-integration zm-scroll");
    joinResult.setAttribute("role", "region");
    joinResult.setAttribute("aria-label", t.integrate);
    this.integrationBox = joinResult;
    joinRow.append(joinLabel, join);
    // What a choice changed, said beside the select (the table under the
    // ranking has the details).
    const joinSaid = el("p", "zm-rules-effect");
    joinSaid.role = "status";
    joinBox.append(joinHint, joinRow, joinSaid);
    let shownJoin = "";
    const syncJoin = () => {
      const j = this.widget.integration();
      joinHint.hidden = j.choices.length > 0;
      joinHint.textContent = j.hint;
      joinRow.hidden = !joinHint.hidden;
      const key = JSON.stringify([j.national, j.choices]);
      if (key !== shownJoin) {
        shownJoin = key;
        const none = el("option", "", t.integrate_none);
        none.value = "";
        join.replaceChildren(none, ...j.choices.map((c) => Object.assign(el("option", "", c.label), { value: c.id })));
      }
      join.value = j.partner || "";
      // The sentence once: as the table's caption.
      joinResult.replaceChildren(...(j.table ? [this.tableElement(j.table)] : []));
      joinResult.tabIndex = j.table ? 0 : -1;
      // No empty region landmark under the ranking.
      joinResult.hidden = !j.table;
      if (joinSaid.textContent) joinSaid.textContent = j.summary;
      return j;
    };
    this.listen(join, "change", () => {
      const j = this.widget.integration();
      try {
        this.widget.set_integration(j.national || "", join.value);
      } catch (error) {
        if (error instanceof WebAssembly.RuntimeError) throw error;
        this.announce(String(error.message || error));
      }
      joinSaid.textContent = syncJoin().summary || t.integrate_off;
      this.saveState();
    });
    syncJoin();
    // Wide, the sliders (the glance's line at their top) stick beside the
    // ranking while they fit the screen; the rules and the integration
    // follow the ranking down the page: no control in a scroll box of its
    // own (zone-monitor.css).
    const top = el("div", "zm-sliders");
    top.append(glance, heading, help, methodRow, fieldset, reset, status);
    const more = el("div");
    more.append(rulesBox, joinBox);
    const row = el("div");
    row.append(top);
    // (The status under them, as long as the ranking's summary beside, may
    // run below the screen: a slider never jumps as it changes.)
    new ResizeObserver(() => top.classList.toggle("zm-fits", top.offsetHeight - status.offsetHeight < innerHeight)).observe(top);
    // On a phone, the dynamic tab's chart comes first: its panel folds
    // behind one button (opened, it stays open).
    const fold = this.button("zm-settings-row", framework.name, () => (this.panelOpened = fold.ariaExpanded = box.classList.toggle("zm-open")));
    fold.ariaExpanded = box.classList.toggle("zm-open", !!this.panelOpened);
    if (this.shownTab !== "evaluation") box.classList.add("zm-foldable");
    box.append(fold, row, more);
    showGlance();
    return box;
  }

  async selectTab(id, focusPanel) {
    if (!this.widget.set_tab(id)) return;
    if (this.slowTabs && id !== this.shownTab) {
      // National scale: the tab chosen and "Computing..." on screen first
      // (loading.js); if anything replaced the line meanwhile (another
      // tab, a state change), that drew itself instead.
      this.markTab(id);
      const line = await this.sayComputingTab();
      if (!line.isConnected || this.widget?.state().tab !== id) return;
      // Its first card at once, each other computed and drawn in a task
      // of its own after that frame, as on load (issue 15: a tab was one
      // task of 170-250 ms at 2,000 zones, half of it cards below the
      // fold).
      this.renderTab(true);
    } else {
      this.renderTab();
    }
    if (focusPanel) this.panel.focus({ preventScroll: true });
  }

  selectZone(id) {
    if (!this.widget.set_zone(id)) return;
    const zone = this.zoneList.find((z) => z.id === id);
    if (this.zoneInput) this.zoneInput.value = zone ? zone.name : "";
    this.update();
  }

  selectYear(year) {
    if (!this.widget.set_year(year)) return;
    this.update();
  }

  /** After a state change: controls, charts, tables and the hash follow. */
  update(after) {
    if (!this.widget || !this.panel) return;
    const { year, tab } = this.widget.state();
    const showYear = () => {
      this.yearSlider.value = String(year);
      this.yearOutput.textContent = String(year);
    };
    if (tab === "data" || tab !== this.shownTab) {
      showYear();
      after?.();
      if (tab !== this.shownTab || !this.dataAt) return this.renderTab(); // it saves the state
      // The data tab shown: its table's cells written again in place
      // (cards.js, tableElement), not the tab built again.
      this.dataAt.refresh();
      this.saveState();
      return this.markReady();
    }
    // The charts first, the controls' texts (and the caller's, `after`)
    // after them and before zone-monitor:ready: a canvas's first font
    // makes the browser compute the page's pending styles, and the texts
    // written before it were 1-3 ms of a weight change.
    this.refreshCards(() => {
      showYear();
      this.syncWeights?.();
      after?.();
    });
    this.saveState();
  }
};
