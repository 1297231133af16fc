// The evaluation as a reader checks it: what each claim's badge says it was
// checked against, the method select and the sliders never disagreeing, the
// dynamic-management rules on screen, changed, and carried by a share link.
// Expected values come from the native command-line build of the same
// engine (`zone-monitor report`, `zone-monitor claims`) on the bundled file.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { browser, inWidget, linkOf, openPage, problems, ROOT, server, shot, twoFrames, useServerAndBrowser, waitReady } from "./harness.mjs";

/** The claim of `id` among those shown. */
const byIdOf = (claims, id) => claims.find((c) => c.id === id);

useServerAndBrowser();

async function open(hash = "") {
  const opened = await openPage(browser, server.url + hash);
  await waitReady(opened.page);
  return opened;
}

/** `zone-monitor <args>` on the bundled file, parsed. */
function cli(command, ...args) {
  const out = execFileSync(join(ROOT, "target/debug/zone-monitor"), [command, join(ROOT, "www/data/zones.json"), ...args, "--json"], { maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

test("each claim's badge says what it was checked against, and no ✓ sits inside a contradiction", async () => {
  const claims = cli("claims").claims;
  const { page, context, log } = await open("#view=overview&lang=en");
  try {
    const shown = await inWidget(page, (root) =>
      [...root.querySelectorAll(".zm-claim")].map((item) => ({
        id: item.querySelector(".zm-claim-id").textContent,
        badge: item.querySelector(".zm-badge").textContent,
        basis: item.querySelector(".zm-basis").textContent,
        ours: item.querySelector(".zm-ours")?.textContent ?? null,
        checks: [...item.querySelectorAll(".zm-checks li")].map((li) => li.textContent),
      })),
    );
    assert.equal(shown.length, 19);
    for (const claim of shown) {
      const cliClaim = claims.find((c) => c.id === claim.id);
      // The command line's basis (the weakest status of the values used)
      // decides the words on the badge.
      const want = cliClaim.contradicts.length
        ? "contradictory"
        : {
            illustrative: "consistent with the illustrative data",
            reported: "supported by the data",
            restated: "consistent with the report's own figure",
            zone_list: "consistent with the zones in the data",
          }[cliClaim.basis];
      assert.equal(claim.badge, want, claim.id);
      if (cliClaim.contradicts.length) assert.ok(claim.checks.every((l) => !/[✓✗]/.test(l)), `${claim.id}: ${claim.checks}`);
      if (cliClaim.basis === "illustrative") assert.match(claim.basis, /Illustrative values are not official statistics: agreeing with them is no independent confirmation/);
    }
    // No claim is "supported" by the bundled file: C2's 4th place is the
    // report's own figure restated (a tester saw it badged supported).
    assert.equal(shown.filter((c) => c.badge === "supported by the data").length, 0);
    assert.match(byIdOf(shown, "C2").basis, /^Checked: the report's own figure, as the file restates it, against the claim\. Agreeing with it is no independent confirmation\.$/);
    // C18's 0.8 and C19's 0.4 are ours, and the screen says why (the claims
    // are grouped by verdict on screen, so found by id).
    const byId = (id) => byIdOf(shown, id);
    assert.match(byId("C18").ours, /^Ours, not the report's: .*0\.8/);
    assert.match(byId("C19").ours, /0\.4.*inequality/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

/** What the evaluation controls show. */
function controls(page) {
  return inWidget(page, (root) => ({
    method: root.querySelector(".zm-method").value,
    disabled: [...root.querySelectorAll(".zm-weight input")].map((s) => s.disabled),
    shares: [...root.querySelectorAll(".zm-weight output")].map((o) => o.textContent),
    line: root.querySelector(".zm-weights-line").textContent,
    note: document.querySelector("zone-monitor").widget.card("ranking").summary,
  }));
}

/** Chooses the weighting method `method` in the panel's select, as a reader does. */
function chooseMethod(page, method) {
  return inWidget(page, (root, method) => {
    const select = root.querySelector(".zm-method");
    select.value = method;
    select.dispatchEvent(new Event("change"));
  }, method);
}

test("the method select and the sliders never disagree: each method, then a slider move", async () => {
  const percent = (w) => `${Math.round(100 * w)}%`;
  const { page, context, log } = await open("#view=evaluation&lang=en");
  try {
    for (const method of ["framework", "entropy_topsis", "custom"]) {
      await chooseMethod(page, method);
      const seen = await controls(page);
      const report = cli("report", "--method", method);
      const year = report.evaluation.years.find((y) => y.year === 2022);
      assert.equal(seen.method, method);
      // The shares on screen are the weights the engine applied.
      assert.deepEqual(seen.shares, year.dimension_weights.map(percent), method);
      assert.deepEqual(seen.disabled, Array(5).fill(method === "entropy_topsis"), method);
      if (method === "entropy_topsis") {
        assert.match(seen.line, /^Weights: entropy weights, computed from 2022's data/);
        assert.match(seen.note, /entropy-weighted TOPSIS/);
      }
    }
    // Back to the framework, then a slider moves: the select says "custom",
    // the line and the ranking's summary name the reader's weights.
    await chooseMethod(page, "framework");
    await inWidget(page, (root) => {
      const slider = root.querySelector(".zm-weight input");
      slider.value = "40";
      slider.dispatchEvent(new Event("input"));
    });
    const moved = await controls(page);
    assert.equal(moved.method, "custom");
    assert.deepEqual(moved.disabled, Array(5).fill(false));
    assert.match(moved.line, /^Weights: yours/);
    assert.match(moved.note, /your dimension weights/);
    // Another method tried, then "custom" again: the reader's own weights
    // come back (a tester found the framework's instead).
    for (const method of ["entropy_topsis", "custom"]) await chooseMethod(page, method);
    const back = await controls(page);
    assert.equal(back.method, "custom");
    assert.deepEqual(back.shares, moved.shares);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("every weight pressed to 0: the last is refused, its slider stays at its weight, and every slider's share is its thumb's", async () => {
  const { page, context, log } = await open("#view=evaluation&lang=en");
  try {
    const sliders = page.locator("zone-monitor >> .zm-weight input");
    for (let i = 0; i < (await sliders.count()); i++) {
      await sliders.nth(i).focus();
      await page.keyboard.press("Home");
      await twoFrames(page);
    }
    const seen = await inWidget(page, (root) => ({
      values: [...root.querySelectorAll(".zm-weight input")].map((s) => Number(s.value)),
      shares: [...root.querySelectorAll(".zm-weight-value")].map((o) => o.textContent),
      status: root.querySelector(".zm-evaluation-status").textContent,
    }));
    // Four at 0, the last refused: it keeps its weight, which is the whole
    // (100%, by hand: one weight over the sum of one).
    assert.deepEqual(seen.values.slice(0, 4), [0, 0, 0, 0]);
    assert.ok(seen.values[4] > 0, JSON.stringify(seen));
    assert.deepEqual(seen.shares, ["0%", "0%", "0%", "0%", "100%"]);
    assert.match(seen.status, /^all weights are 0/i);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("a weight moved is said once: by its slider, as its share, and the ranking's status once the slider rests; not by every share, the weights line and the year", async () => {
  const { page, context, log } = await open("#view=evaluation&lang=en");
  try {
    // The live regions inside the widget (role status, aria-live other than
    // off, and <output>, a live region unless told off) whose text a key
    // press on the first weight slider changes (a tester counted 9, some
    // 370 characters to hear a press).
    const liveTexts = () =>
      inWidget(page, (root) =>
        [...root.querySelectorAll("[role=status], [aria-live], output")]
          .filter((n) => (n.getAttribute("aria-live") ?? (n.matches("[role=status], output") ? "polite" : "off")) !== "off")
          .map((n) => `${n.className}: ${n.textContent}`),
      );
    const before = await liveTexts();
    await page.locator("zone-monitor >> .zm-weight input").first().focus();
    await page.keyboard.press("ArrowRight");
    await twoFrames(page);
    const after = await liveTexts();
    const changed = after.filter((t) => !before.includes(t)).map((t) => t.split(":")[0]);
    // While it moves, no live region changes (the ranking's status and the
    // rules' effect are quiet: a tester heard ~600 characters a press)...
    assert.deepEqual(changed, [], JSON.stringify(changed));
    const status = () => inWidget(page, (root) => {
      const s = root.querySelector(".zm-evaluation-status");
      return { live: s.getAttribute("aria-live"), text: s.textContent };
    });
    const moving = await status();
    assert.equal(moving.live, "off");
    // ...and once it rests (controls.js SETTLE, 700 ms), both are live
    // again with the new ranking's words, which are said once.
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-evaluation-status").getAttribute("aria-live") === "polite");
    const rested = await status();
    assert.equal(rested.text, moving.text);
    assert.ok(rested.text.length > 20, rested.text);
    assert.equal(await inWidget(page, (root) => root.querySelector(".zm-rules-effect").getAttribute("aria-live")), "polite");
    // The slider says its share, as the number beside it shows.
    const slider = await inWidget(page, (root) => {
      const input = root.querySelector(".zm-weight input");
      return { said: input.getAttribute("aria-valuetext"), shown: root.querySelector(".zm-weight-value").textContent };
    });
    assert.match(slider.said, /^\d+%$/);
    assert.equal(slider.said, slider.shown);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

/** Each zone's tiers in 2022 as the ranking's table lists them, by name. */
function tiersShown(page) {
  return page.evaluate(() =>
    Object.fromEntries(document.querySelector("zone-monitor").widget.table_page("ranking", 0, 1e9).table.rows.map((r) => [r[0], r[4]])),
  );
}

/** The tiers the command line gives each zone ranked in 2022, in the table's words. */
function tiersOf(report) {
  const t = report.evaluation.tiers.find((x) => x.year === 2022);
  const exited = new Set(report.evaluation.years.find((y) => y.year === 2022).zones.filter((z) => z.exited_in !== null).map((z) => z.zone_id));
  const words = { reward: "reward", warning: "warning", exit: "named for exit" };
  return Object.fromEntries(
    report.zones.filter((z) => z.level !== "sub_park" && !exited.has(z.id)).map((z) => {
      const tiers = ["reward", "warning", "exit"].filter((k) => t[k].includes(z.id));
      // An exit implies a warning, which the table does not repeat.
      const shown = tiers.includes("exit") ? tiers.filter((k) => k !== "warning") : tiers;
      return [z.name.en, shown.length ? shown.map((k) => words[k]).join(", ") : "no tier"];
    }),
  );
}

/** How many zones each rule catches in `year`, from the command line's verdicts (by rule id). */
function caught(report, year) {
  const counts = { top_k: 0, rise: 0, bottom_k: 0, below_score: 0, exit: 0 };
  for (const v of report.evaluation.verdicts.filter((v) => v.year === year)) for (const r of v.reasons) counts[r.rule] += 1;
  return counts;
}

test("the rules are on screen in words, a changed rule re-tiers the zones as the engine does, and a link restores it", async () => {
  const { page, context, log } = await open("#view=dynamic&lang=en");
  try {
    const before = await inWidget(page, (root) => ({
      line: root.querySelector(".zm-rules-line").textContent,
      values: [...root.querySelectorAll(".zm-rule input[type=number]")].map((i) => i.value),
      effect: root.querySelector(".zm-rules-effect").textContent,
    }));
    // The data file's rules (framework.tiers: 3, 5, 3, 5, 2) in words.
    assert.deepEqual(before.values, ["3", "5", "3", "5", "2"]);
    // Each with how many zones it catches in 2022, as the command line's verdicts give.
    const n = caught(cli("report"), 2022);
    assert.equal(
      before.line,
      `Rules (zones caught in 2022): reward the top 3 (${n.top_k}) · reward a rise of 5+ places (${n.rise}) · warn the bottom 3 (${n.bottom_k}) · warn a score below 5 (${n.below_score}) · name for exit after 2 warned years in a row without a better rank (${n.exit})`,
    );
    assert.match(before.effect, /^With the rules in the data, in 2022 no zone is named for exit, /);
    // Warn the bottom 6 instead of 3.
    await inWidget(page, (root) => {
      const input = root.querySelectorAll(".zm-rule input[type=number]")[2];
      input.value = "6";
      input.dispatchEvent(new Event("change"));
    });
    const after = await inWidget(page, (root) => ({
      line: root.querySelector(".zm-rules-line").textContent,
      effect: root.querySelector(".zm-rules-effect").textContent,
    }));
    assert.match(after.line, /warn the bottom 6/);
    assert.match(after.effect, /^With these rules, in 2022 (no zone is|1 zone is|\d+ zones are) named for exit \(\d+ with the rules in the data\), \d+ warned \(3\), \d+ rewarded \(\d+\)\./);
    assert.match(await linkOf(page), /rules=3%2C5%2C6%2C5%2C2/);
    const expected = tiersOf(cli("report", "--rules", "3.5.6.5.2"));
    await inWidget(page, (root) => root.querySelector('[data-tab="evaluation"]').click());
    assert.deepEqual(await tiersShown(page), expected);
    assert.notDeepEqual(expected, tiersOf(cli("report")), "the rule changed nothing");
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
  const restored = await open("#view=evaluation&lang=en&rules=3.5.6.5.2");
  try {
    assert.deepEqual(await tiersShown(restored.page), tiersOf(cli("report", "--rules", "3.5.6.5.2")));
    const values = await inWidget(restored.page, (root) => [...root.querySelectorAll(".zm-rule input[type=number]")].map((i) => i.value));
    assert.deepEqual(values, ["3", "5", "6", "5", "2"]);
  } finally {
    await restored.context.close();
  }
});

test("an unusable rule is marked where it is, said once beside the rules, and changes nothing until it is mended; an emptied box says 0", async () => {
  const { page, context, log } = await open("#view=dynamic&lang=en");
  try {
    const set = (i, value) => inWidget(page, (root, [i, value]) => {
      const input = root.querySelectorAll(".zm-rule input[type=number]")[i];
      input.value = value;
      input.dispatchEvent(new Event("change"));
    }, [i, value]);
    const seen = () => inWidget(page, (root) => ({
      values: [...root.querySelectorAll(".zm-rule input[type=number]")].map((i) => i.value),
      invalid: [...root.querySelectorAll(".zm-rule input[type=number]")].map((i) => i.getAttribute("aria-invalid")),
      effect: root.querySelector(".zm-rules-effect").textContent,
      status: root.querySelector(".zm-evaluation-status").textContent,
      message: root.querySelector(".zm-message-text")?.textContent ?? "",
    }));
    const start = await seen();
    // The score (fourth box) below 0: that box marked, the engine's words
    // beside the rules, not also under the ranking or in the message line.
    await set(3, "-2");
    const bad = await seen();
    assert.deepEqual(bad.invalid, [null, null, null, "true", null]);
    assert.notEqual(bad.effect, start.effect);
    assert.equal(bad.status, start.status, "the status line under the ranking unchanged");
    assert.ok(!bad.message.includes(bad.effect), "said once");
    // A usable edit elsewhere meanwhile: the mark stays on the bad box, not
    // on the one just edited; nothing applies while the set is unusable.
    await set(4, "1");
    assert.deepEqual((await seen()).invalid, [null, null, null, "true", null]);
    assert.match(await linkOf(page), /^(?!.*rules=)/, "no rules in the link yet");
    // Mended: nothing marked, the whole set applied.
    await set(3, "5");
    assert.deepEqual((await seen()).invalid, [null, null, null, null, null]);
    assert.match(await linkOf(page), /rules=3%2C5%2C3%2C5%2C1/);
    // Emptied: that rule off, and the box says so.
    await set(1, "");
    assert.deepEqual((await seen()).values, ["3", "0", "3", "5", "1"]);
    assert.match(await linkOf(page), /rules=3%2C0%2C3%2C5%2C1/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("a zone named for exit is out of the next year's ranking, and back when kept for comparison", async () => {
  const report = cli("report");
  const first = report.evaluation.tiers.find((t) => t.exit.length);
  const exited = report.zones.find((z) => z.id === first.exit[0]).name.en;
  const next = first.year + 1;
  const { page, context, log } = await open(`#view=evaluation&lang=en&year=${next}`);
  try {
    const names = () => page.evaluate(() => document.querySelector("zone-monitor").widget.table_page("ranking", 0, 1e9).table.rows.map((r) => r[0]));
    assert.ok(!(await names()).includes(exited), `${exited} still ranked in ${next}`);
    const summary = await page.evaluate(() => document.querySelector("zone-monitor").widget.card("ranking").summary);
    assert.match(summary, /In \d{4}/);
    // Kept for comparison: ranked again, as `zone-monitor report --keep-exited` ranks it.
    await inWidget(page, (root) => {
      const box = root.querySelector('[id$="-keep-exited"]');
      box.checked = true;
      box.dispatchEvent(new Event("change"));
    });
    const kept = cli("report", "--keep-exited").evaluation.years.find((y) => y.year === next);
    const zone = report.zones.find((z) => z.name.en === exited);
    const rank = kept.zones.find((z) => z.zone_id === zone.id).rank;
    const rows = await page.evaluate(() => document.querySelector("zone-monitor").widget.table_page("ranking", 0, 1e9).table.rows.map((r) => [r[0], r[1]]));
    assert.deepEqual(rows.find((r) => r[0] === exited), [exited, String(rank)]);
    assert.match(await linkOf(page), /exited=keep/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

/** The ranking card's summary as the page shows it under the chart, and its table's zones. */
function rankingCard(page) {
  return inWidget(page, (root) => ({
    summary: root.querySelector('[id$="-chart-ranking"] .zm-summary').textContent,
    keep: root.querySelector('label[for$="-keep-exited"]').textContent,
    zones: document.querySelector("zone-monitor").widget.table_page("ranking", 0, 1e9).table.rows.length,
  }));
}

test("rules that take zones out of the ranking say by the chart how many and how to show them, and say so when none is left", async () => {
  // Warn a score below 30: zones named for exit before 2022 are out of its ranking.
  const report = cli("report", "--rules", "5.5.3.30.2");
  const zones = report.evaluation.years.find((y) => y.year === 2022).zones;
  const out = zones.filter((z) => z.exited_in !== null).length;
  assert.ok(out > 20, `${out} out`);
  const { page, context, log } = await open("#view=evaluation&lang=en&rules=5.5.3.30.2");
  try {
    const card = await rankingCard(page);
    // The control is named as the page labels it.
    assert.ok(card.summary.includes(`Not shown: ${out} named for exit under these rules (tick \"${card.keep}\" to show them).`), card.summary);
    assert.equal(card.zones, zones.length - out);
    // Kept for comparison: every zone is ranked and nothing is said missing.
    await inWidget(page, (root) => {
      const box = root.querySelector('[id$="-keep-exited"]');
      box.checked = true;
      box.dispatchEvent(new Event("change"));
    });
    const kept = await rankingCard(page);
    assert.equal(kept.zones, zones.length);
    assert.ok(!kept.summary.includes("Not shown"), kept.summary);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
  // And exit after one warned year: every zone is out by 2022 (the command line agrees).
  const none = cli("report", "--rules", "5.5.3.30.1").evaluation.years.find((y) => y.year === 2022).zones;
  assert.ok(none.every((z) => z.exited_in !== null));
  const empty = await open("#view=evaluation&lang=zh&rules=5.5.3.30.1");
  try {
    const card = await rankingCard(empty.page);
    assert.equal(card.zones, 0);
    assert.ok(
      card.summary.startsWith(`2022年没有参加排名的园区。未列出按这些规则已列入退出的${none.length}个园区（勾选“${card.keep}”可显示）：`),
      card.summary,
    );
    // Twenty named, the rest counted.
    assert.ok(card.summary.endsWith(`及另外${none.length - 20}个。`), card.summary);
    assert.deepEqual(problems(empty.log), []);
  } finally {
    await empty.context.close();
  }
});

test("integration: the selected national zone's partners with the criterion, chosen by keyboard, the result as the command line computes it, in the link", async () => {
  const { page, context, log } = await open("#view=evaluation&lang=en&zone=z01");
  try {
    const options = await inWidget(page, (root) => [...root.querySelector(".zm-integrate").options].map((o) => [o.value, o.textContent]));
    assert.equal(options[0][0], "", "the first option is no integration");
    assert.ok(options.length > 1, "z01 has partners in its area");
    for (const [, label] of options.slice(1)) assert.match(label, / · same area \(.+\), industry similarity (\d\.\d\d|—)$/);
    // The keyboard: focus the select, the next option.
    await inWidget(page, (root) => root.querySelector(".zm-integrate").focus());
    await page.keyboard.press("ArrowDown");
    const partner = options[1][0];
    await page.waitForFunction((id) => location.hash.includes(`integrate=z01.${id}`), partner);
    const report = cli("report", "--integrate", `z01,${partner}`).integration;
    const shown = await inWidget(page, (root) => ({
      summary: root.querySelector(".zm-integration caption").textContent,
      paragraphs: root.querySelectorAll(".zm-integration p").length,
      rows: [...root.querySelectorAll(".zm-integration tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent)),
    }));
    assert.equal(shown.paragraphs, 0, "the sentence once, as the table's caption");
    // Beside the select, in its box, the same sentence as a status (said to
    // a screen reader), as text: a tester found nothing near the control
    // said what the choice did.
    const said = () => inWidget(page, (root) => {
      const select = root.querySelector(".zm-integrate");
      const status = select.closest("fieldset").querySelector("[role=status]");
      return { text: status.textContent, elements: status.children.length, gap: status.getBoundingClientRect().top - select.getBoundingClientRect().bottom };
    });
    const near = await said();
    assert.equal(near.text, shown.summary);
    assert.equal(near.elements, 0, "text only");
    assert.ok(near.gap >= 0 && near.gap < 40, `right under the select (${near.gap} px)`);
    assert.match(shown.summary, /The ranking chart shows the ranking without the integration\.$/);
    // English ordinals by the usual rule (1st, 2nd, 3rd, 11th–13th, 21st…).
    const ordinal = (n) => n + ([11, 12, 13].includes(n % 100) ? "th" : ({ 1: "st", 2: "nd", 3: "rd" })[n % 10] ?? "th");
    assert.match(shown.summary, new RegExp(`scores ${report.score.after.toFixed(1)} and ranks ${ordinal(report.rank_after)} `));
    assert.match(shown.summary, new RegExp(`${report.ranked_before} zones ranked → ${report.ranked_after}`));
    assert.match(shown.summary, new RegExp(`Gini of GDP ${report.gini.before.toFixed(3)} → ${report.gini.after.toFixed(3)}`));
    assert.deepEqual(shown.rows[0].slice(0, 3), ["Score", report.score.before.toFixed(1), report.score.after.toFixed(1)]);
    // Another zone selected: its select shows no partner, and no result is left on screen;
    // back to z01, the integration tried is shown again.
    const pick = (name) => inWidget(page, (root, name) => {
      const input = root.querySelector(".zm-zone");
      input.value = name;
      input.dispatchEvent(new Event("change"));
    }, name);
    const join = () => inWidget(page, (root) => ({
      partner: root.querySelector(".zm-integrate").value,
      result: root.querySelector(".zm-integration").textContent,
    }));
    // None again: the sentence says it was undone (views::ui::WORDS).
    await page.keyboard.press("ArrowUp");
    await page.waitForFunction(() => !location.hash.includes("integrate="));
    assert.equal((await said()).text, "Integration undone.");
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction((id) => location.hash.includes(`integrate=z01.${id}`), partner);
    await pick("Zone B");
    await page.waitForFunction(() => location.hash.includes("zone=z02"));
    assert.deepEqual(await join(), { partner: "", result: "" });
    // A region-level zone (z13, z01's partner): the hint says why no
    // partner is offered, and no empty region is left under the ranking.
    await pick("Zone M");
    await page.waitForFunction(() => location.hash.includes("zone=z13"));
    const hint = await inWidget(page, (root) => {
      const help = root.querySelector(".zm-integrate").closest("fieldset").querySelector(".zm-help");
      return { text: help.textContent, shown: !help.hidden, region: !root.querySelector(".zm-integration").hidden };
    });
    assert.deepEqual(hint, {
      text: "Zone M is not a national zone: select a national zone.",
      shown: true,
      region: false,
    });
    await pick("Zone A");
    await page.waitForFunction(() => location.hash.includes("zone=z01"));
    const back = await join();
    assert.equal(back.partner, partner);
    assert.ok(back.result.startsWith(shown.summary), back.result);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
  const partner = cli("report", "--integrate", "z01,z13").integration;
  const restored = await open("#view=evaluation&lang=zh&zone=z01&integrate=z01.z13");
  try {
    const summary = await inWidget(restored.page, (root) => root.querySelector(".zm-integration caption").textContent);
    assert.match(summary, new RegExp(`排第${partner.rank_after}名`));
    assert.equal(await inWidget(restored.page, (root) => root.querySelector(".zm-integrate").value), "z13");
    // A choice in Chinese: said beside the select in Chinese.
    await restored.page.locator("zone-monitor >> .zm-integrate").selectOption("");
    assert.equal(await inWidget(restored.page, (root) => root.querySelector(".zm-integrate").closest("fieldset").querySelector("[role=status]").textContent), "已取消整合。");
    await restored.page.locator("zone-monitor >> .zm-integrate").selectOption("z13");
    assert.equal(await inWidget(restored.page, (root) => root.querySelector(".zm-integrate").closest("fieldset").querySelector("[role=status]").textContent), summary);
  } finally {
    await restored.context.close();
  }
});

test("at 1280 px the integration's table has the results' column, words whole, and a zone named for exit is no partner", async () => {
  const { page, context, log } = await open("#view=evaluation&lang=en&zone=z05&integrate=z05.z30");
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    const seen = await inWidget(page, (root) => {
      const box = root.querySelector(".zm-integration");
      const table = box.querySelector("table");
      // A cell whose words broke mid-word is narrower than its longest word.
      const broken = [...table.querySelectorAll("th, td")].filter((c) => c.scrollWidth > c.clientWidth + 1).length;
      return {
        inSliders: !!box.closest(".zm-evaluation"),
        afterRanking: box.previousElementSibling?.classList.contains("zm-card"),
        tableWidth: table.getBoundingClientRect().width,
        region: [box.getAttribute("role"), box.tabIndex, box.getAttribute("aria-label")],
        options: [...root.querySelector(".zm-integrate").options].map((o) => o.value),
        caption: table.caption.textContent,
        broken,
      };
    });
    assert.equal(seen.inSliders, false, "not in the sliders' sticky column");
    assert.equal(seen.afterRanking, true, "right under the ranking");
    assert.ok(seen.tableWidth > 600, `table ${seen.tableWidth} px wide`);
    assert.deepEqual(seen.region.slice(0, 2), ["region", 0]);
    assert.ok(seen.region[2], "the scrolling region is labelled");
    assert.equal(seen.broken, 0);
    // Zone AA (z27) was named for exit in 2020: out of the 2022 ranking.
    assert.ok(!seen.options.includes("z27"), seen.options.join());
    assert.ok(seen.options.includes("z30"));
    // Zone AD 22nd of 35: the 13 below it only move up one place
    // (35 − 22 = 13), and no other zone moves.
    assert.match(seen.caption, /13 other zones change rank \(all 13 only up one place/);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("at 1280 px, once the ranking's top has scrolled away, a slider's effect shows in the glance above the sliders", async () => {
  const { page, context, log } = await open("#view=evaluation&lang=en");
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    // Scroll the page until the ranking's top is above the viewport.
    await inWidget(page, (root) => {
      const top = root.querySelector(".zm-card").getBoundingClientRect().top;
      window.scrollBy(0, top + 400);
    });
    await page.waitForFunction(() => {
      const root = document.querySelector("zone-monitor").shadowRoot;
      return root.querySelector(".zm-card").getBoundingClientRect().top < 0;
    });
    const before = await inWidget(page, (root) => root.querySelector(".zm-glance").textContent);
    // The first slider to its maximum, as a reader dragging it would.
    await inWidget(page, (root) => {
      const slider = root.querySelector(".zm-weight input[type=range]");
      slider.value = slider.max;
      slider.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitForFunction((before) => {
      const glance = document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-glance");
      return glance.textContent !== before;
    }, before);
    // Shown once the observer has seen the ranking's top leave (a frame).
    await page.waitForFunction(() => document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-glance").checkVisibility(), null, { timeout: 5000 }).catch(() => {});
    const glance = await inWidget(page, (root) => {
      const g = root.querySelector(".zm-glance");
      const box = g.getBoundingClientRect();
      return { shown: getComputedStyle(g).display !== "none", top: box.top, bottom: box.bottom, text: g.textContent };
    });
    assert.equal(glance.shown, true, "the glance is shown");
    assert.ok(glance.top >= 0 && glance.bottom <= 800, `the glance is in the viewport: ${glance.top}–${glance.bottom}`);
    assert.ok(glance.text.length > 0);
    // The glance hides nothing, wherever the page is scrolled to (a tester
    // found it over the panel's text): no text or control of the panel
    // under it. The sliders stay put beside the ranking while it passes.
    const at = (y) => inWidget(page, (root, y) => {
      window.scrollTo(0, y);
      return Math.round(root.querySelector(".zm-sliders").getBoundingClientRect().top);
    }, y);
    const under = () => inWidget(page, (root) => {
      const glance = root.querySelector(".zm-glance");
      if (!glance.checkVisibility()) return [];
      const g = glance.getBoundingClientRect();
      const seen = (e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) || /^(INPUT|SELECT|BUTTON|CANVAS)$/.test(e.tagName);
      return [...root.querySelectorAll(".zm-panel *")]
        .filter((e) => !glance.contains(e) && e.checkVisibility() && seen(e))
        .filter((e) => { const r = e.getBoundingClientRect(); return r.width && r.height && r.bottom > g.top && r.top < g.bottom && r.right > g.left && r.left < g.right; })
        .map((e) => `${e.tagName}.${e.className}: ${e.textContent.slice(0, 40)}`);
    });
    const start = await page.evaluate(() => scrollY);
    const stuck = [];
    for (const y of [start, start + 300, start + 600, start + 900, start + 1200, start + 1600]) {
      stuck.push(await at(y));
      await twoFrames(page);
      assert.deepEqual(await under(), [], `scrolled to ${y}`);
      if (stuck.length === 2) await page.screenshot({ path: shot("evaluation-1280-glance") });
    }
    assert.equal(stuck[1], stuck[0], `the sliders stay at ${stuck[0]} px as the ranking passes (${stuck})`);
    assert.deepEqual(problems(log), []);
  } finally {
    await context.close();
  }
});

test("at 1280 px every control of the panel is reached by scrolling the page, seen uncovered, none in a scroll box of its own, the keep-exited box on its label's line", async () => {
  // A tester never found the lower half of the panel (keep exited, reset,
  // promotion, integration): it scrolled inside a box of its own, under the
  // page. Now the page's own scroll brings each control to the middle of
  // the screen, where it is what a click there reaches.
  for (const lang of ["en", "zh"]) {
    const { page, context, log } = await open(`#view=evaluation&lang=${lang}&zone=z01`);
    try {
      await page.setViewportSize({ width: 1280, height: 800 });
      const scrollers = await inWidget(page, (root) =>
        [root.querySelector(".zm-evaluation"), ...root.querySelectorAll(".zm-evaluation *")]
          .filter((e) => /auto|scroll/.test(getComputedStyle(e).overflowY) && e.scrollHeight > e.clientHeight + 1)
          .map((e) => e.className || e.tagName),
      );
      assert.deepEqual(scrollers, [], `${lang}: no scroll box inside the panel`);
      const controls = [".zm-method", ".zm-reset", ".zm-rule input[type=number]", "[id$=-keep-exited]", ".zm-reset-rules", ".zm-integrate"];
      for (const selector of controls) {
        await inWidget(page, (root, selector) => {
          const e = root.querySelector(selector);
          window.scrollBy(0, e.getBoundingClientRect().top - innerHeight / 2);
        }, selector);
        await twoFrames(page);
        const seen = await inWidget(page, (root, selector) => {
          const e = root.querySelector(selector);
          const r = e.getBoundingClientRect();
          const hit = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return { inView: r.top >= 0 && r.bottom <= innerHeight && r.width > 0, hit: hit === e };
        }, selector);
        assert.deepEqual(seen, { inView: true, hit: true }, `${lang}: ${selector}`);
      }
      // The keep-exited box beside its label, on one line (it sat above it).
      const keep = await inWidget(page, (root) => {
        const box = root.querySelector("[id$=-keep-exited]").getBoundingClientRect();
        const label = root.querySelector("[for$=-keep-exited]").getBoundingClientRect();
        return { sameLine: box.top < label.bottom && label.top < box.bottom, before: box.right <= label.left };
      });
      assert.deepEqual(keep, { sameLine: true, before: true }, lang);
      await page.screenshot({ path: shot(`evaluation-1280-${lang}-keep`) });
      assert.deepEqual(problems(log), []);
    } finally {
      await context.close();
    }
  }
});

test("on a phone the dynamic tab's chart is on the first screen, its evaluation panel folded one tap away", async () => {
  // A tester's 360 px dynamic tab began with a 1,500 px panel; the bump
  // chart was three screens down.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  try {
    await page.goto(`${server.url}#lang=zh&view=dynamic`);
    await waitReady(page);
    const fold = page.locator("zone-monitor >> .zm-evaluation > button");
    const state = () => inWidget(page, (root) => ({
      chartTop: root.querySelector("[id$=-chart-bump] canvas").getBoundingClientRect().top,
      expanded: root.querySelector(".zm-evaluation > button").getAttribute("aria-expanded"),
      sliders: root.querySelector(".zm-weight input").checkVisibility(),
      rules: root.querySelector(".zm-rules").checkVisibility(),
    }));
    const folded = await state();
    assert.ok(folded.chartTop < 740, `the chart starts at ${folded.chartTop} px, on the first screen`);
    assert.deepEqual([folded.expanded, folded.sliders, folded.rules], ["false", false, false]);
    assert.equal(await fold.textContent(), "国家高新区综合评价指标体系", "the button is named by the panel's title (the data's framework)");
    await page.screenshot({ path: shot("dynamic-360-folded") });
    await fold.tap();
    const opened = await state();
    assert.deepEqual([opened.expanded, opened.sliders, opened.rules], ["true", true, true]);
    // Opened, it stays open when the panel is built again (a language switch).
    await page.locator("zone-monitor >> .zm-lang").click();
    assert.deepEqual(await state().then((s) => [s.expanded, s.sliders]), ["true", true]);
    await page.screenshot({ path: shot("dynamic-360-open") });
    // The evaluation tab, the sliders' own, does not fold; nor does a wide screen.
    await page.locator("zone-monitor >> [role=tab][data-tab=evaluation]").click();
    assert.equal(await inWidget(page, (root) => [root.querySelector(".zm-evaluation > button").checkVisibility(), root.querySelector(".zm-weight input").checkVisibility()].join()), "false,true");
    await page.locator("zone-monitor >> [role=tab][data-tab=dynamic]").click();
    await fold.tap();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => !document.querySelector("zone-monitor").shadowRoot.querySelector(".zm-evaluation > button").checkVisibility());
    assert.equal(await inWidget(page, (root) => root.querySelector(".zm-weight input").checkVisibility()), true, "wide: the panel shown");
  } finally {
    await context.close();
  }
});
