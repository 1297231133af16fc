//! Numbers as people read them, in Chinese and English.

use std::fmt;

use crate::i18n::Lang;

/// `value` with `decimals` places, the text `format!("{:.*}", decimals,
/// value)` gives: the exact binary value rounded half to even, a minus sign
/// for any negative value (-0.0 too), "NaN" and "inf". Long arithmetic on
/// 32-bit limbs, a few hundred operations for the numbers a chart shows.
///
/// It writes the number alone: a width, fill or sign given in the format
/// string is not applied (no caller gives one).
///
/// Why not `{:.2}`: the widget's 80-odd format strings with a precision
/// made the wasm 155 B larger after gzip (issue 15, 2026-12: 309,183 →
/// 309,028 B with this). Core's float printer itself stays in the wasm:
/// `{}` of an `f64` reaches it too (the precision is read at run time), and
/// plotters' SVG and canvas colours and serde's messages use that.
#[derive(Clone, Copy)]
pub struct Fixed(pub f64, pub usize);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Fixed(value, decimals) = *self;
        if value.is_nan() {
            return f.write_str("NaN");
        }
        if value.is_sign_negative() {
            f.write_str("-")?;
        }
        if value.is_infinite() {
            return f.write_str("inf");
        }
        let digits = rounded_digits(value.abs(), decimals);
        let point = digits.len() - decimals;
        f.write_str(&digits[..point])?;
        if decimals > 0 {
            f.write_str(".")?;
            f.write_str(&digits[point..])?;
        }
        Ok(())
    }
}

/// The decimal digits of `value` × 10^`decimals` rounded half to even, at
/// least `decimals` + 1 of them. `value` is finite and not negative:
/// mantissa × 2^power, multiplied by ten `decimals` times, then doubled
/// `power` times or halved -`power` times (up to 31 bits a step), the
/// halving keeping the last bit shifted out (half) and whether any bit below
/// it was set (sticky) to round.
fn rounded_digits(value: f64, decimals: usize) -> String {
    let bits = value.to_bits();
    let biased = (bits >> 52) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, power) = match biased {
        0 => (fraction, -1074),
        _ => (fraction | 1 << 52, biased - 1075),
    };
    let mut n = vec![mantissa as u32, (mantissa >> 32) as u32];
    for _ in 0..decimals {
        multiply_add(&mut n, 10, 0);
    }
    for _ in 0..power.max(0) {
        multiply_add(&mut n, 2, 0);
    }
    let (mut half, mut sticky) = (false, false);
    let mut shift = (-power).max(0) as u32;
    while shift > 0 {
        // Up to 31 bits at a time: the last of them is the half bit.
        let step = shift.min(31);
        let out = n[0] & ((1 << step) - 1);
        sticky |= half || out & ((1 << (step - 1)) - 1) != 0;
        half = out >> (step - 1) == 1;
        let mut carry = 0;
        for limb in n.iter_mut().rev() {
            let low = *limb & ((1 << step) - 1);
            *limb = *limb >> step | carry << (32 - step);
            carry = low;
        }
        shift -= step;
    }
    if half && (sticky || n[0] & 1 == 1) {
        multiply_add(&mut n, 1, 1);
    }
    let mut digits = Vec::new();
    while digits.len() <= decimals || n.iter().any(|&limb| limb != 0) {
        let mut rest = 0u64;
        for limb in n.iter_mut().rev() {
            let wide = rest << 32 | u64::from(*limb);
            *limb = (wide / 10) as u32;
            rest = wide % 10;
        }
        digits.push(b'0' + rest as u8);
    }
    digits.iter().rev().map(|&d| d as char).collect()
}

/// `n` = `n` × `factor` + `add`, `n` a number in 32-bit limbs, lowest first.
fn multiply_add(n: &mut Vec<u32>, factor: u64, add: u64) {
    let mut carry = add;
    for limb in n.iter_mut() {
        let wide = u64::from(*limb) * factor + carry;
        *limb = wide as u32;
        carry = wide >> 32;
    }
    if carry > 0 {
        n.push(carry as u32);
    }
}

/// A share (0.56) as a percentage with `decimals` places: "56%" / "56.0%";
/// grouped as every figure ("1,780.7%", a share of a part larger than its
/// whole), and never "-0.0%" (a tester: a sum of nothing is -0.0 in std).
pub fn percent(share: f64, decimals: usize) -> String {
    format!("{}%", grouped(share * 100.0, decimals))
}

/// A number with thousands separators and `decimals` places: 11196 →
/// "11,196". Chinese readers use the same separator in statistical tables.
pub fn grouped(value: f64, decimals: usize) -> String {
    let text = Fixed(value.abs(), decimals).to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::with_capacity(text.len() + text.len() / 3 + 1);
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    if let Some(frac) = frac_part {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// An amount in 亿元 (10⁸ CNY) as Chinese and English readers expect it:
/// "1.73万亿元" / "CNY 1.73 trillion" from 10⁴ 亿元 up, else "6,425亿元" /
/// "CNY 642.5 billion"; small amounts in 万元 below 1 亿元 ("9,100万元") and
/// in millions below a billion ("CNY 91 million"), where "0.1 billion"
/// would lose the figure. English puts the currency code first, as the
/// financial press writes it.
pub fn yi_yuan(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh if value.abs() >= 10_000.0 => format!("{}万亿元", trim(value / 10_000.0, 2)),
        Lang::Zh if value.abs() < 1.0 && value != 0.0 => {
            format!("{}万元", grouped(value * 10_000.0, 0))
        }
        Lang::Zh => format!(
            "{}亿元",
            grouped(value, if value.abs() < 100.0 { 1 } else { 0 })
        ),
        Lang::En => cny(value * 1e8),
    }
}

/// An amount in yuan, in English: "CNY 1.74 trillion", "CNY 173.9 billion",
/// "CNY 91 million", "CNY 452,000" (a sign before the code: "-CNY 3.2
/// billion").
pub fn cny(yuan: f64) -> String {
    let v = yuan.abs();
    let text = match v {
        _ if v >= 1e12 => format!("{} trillion", trim(v / 1e12, 2)),
        _ if v >= 1e9 => format!("{} billion", grouped(v / 1e9, 1)),
        _ if v >= 1e6 => {
            let million = v / 1e6;
            format!(
                "{} million",
                grouped(million, if million < 10.0 { 1 } else { 0 })
            )
        }
        _ => grouped(v, 0),
    };
    let shown_nonzero = text.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let sign = if yuan < 0.0 && shown_nonzero { "-" } else { "" };
    format!("{sign}CNY {text}")
}

/// A figure as a check line or note states it: whole numbers grouped with no
/// decimals ("19,993"), others with three places below 10 ("0.563") and one
/// from 10 up ("1,738.6").
pub fn figure(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        grouped(value, 0)
    } else if value.abs() < 10.0 {
        grouped(value, 3)
    } else {
        grouped(value, 1)
    }
}

/// English agreement with a count: `one` after exactly 1, else `many`
/// ("1 zone has", "0 zones have", "2 zones have").
pub fn en_agree(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// Where `needle` first occurs in `text`, by bytes: core's string search
/// (`find`, `split`, `replace` with a string, `contains` with a non-ASCII
/// character) is kilobytes of wasm for the few searches the widget makes.
pub fn find(text: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    text.as_bytes()
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
}

/// `text` with every `from` replaced by `to` (see [`find`]).
pub fn replaced(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // An empty `from` is found everywhere: nothing is replaced.
    while let Some(at) = find(rest, from).filter(|_| !from.is_empty()) {
        out.push_str(&rest[..at]);
        out.push_str(to);
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

/// `value` with at most `decimals` places and no trailing zeros: 1.7300 → "1.73".
fn trim(value: f64, decimals: usize) -> String {
    let text = Fixed(value, decimals).to_string();
    if text.as_bytes().contains(&b'.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests;

/// An English label as it reads inside a sentence: the first letter in lower
/// case unless the word is an acronym ("Land area" → "land area", "GDP" stays
/// "GDP"). ASCII only: Chinese has no case, and the Unicode case tables would
/// cost the wasm some 10 KB.
pub fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second))
            if first.is_ascii_uppercase() && second.is_ascii_lowercase() =>
        {
            let mut out = String::with_capacity(label.len());
            out.push(first.to_ascii_lowercase());
            out.push_str(&label[first.len_utf8()..]);
            out
        }
        _ => label.to_string(),
    }
}

/// A label starting a sentence: its first letter in upper case (ASCII only).
pub fn capitalised(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod sentence_tests;

/// A name from the data as it may go into the widget's own text: wrapped in
/// Unicode isolates (FSI … PDI, UAX #9) when it holds right-to-left letters
/// or directional formatting characters, so that its direction cannot leak
/// into the sentence around it (a name ending in an unclosed U+202E RIGHT-TO-LEFT
/// OVERRIDE would otherwise make the "71.9" after it read "9.17"). Other names
/// are returned as they are: isolating them changes nothing a reader sees.
///
/// The name's own isolates are balanced first: every isolate it opens and
/// leaves open is closed, and every PDI it holds with no opener gets one, so
/// the closing PDI here is always the one that matches the FSI here.
pub fn isolated(name: &str) -> String {
    const FSI: char = '\u{2068}';
    const PDI: char = '\u{2069}';
    if !name.chars().any(needs_isolation) {
        return name.to_string();
    }
    let (mut open, mut stray) = (0usize, 0usize);
    for c in name.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => open += 1,
            PDI if open > 0 => open -= 1,
            PDI => stray += 1,
            _ => {}
        }
    }
    let mut out = String::with_capacity(name.len() + 3 * (2 + open + stray));
    out.extend(std::iter::repeat(FSI).take(1 + stray));
    out.push_str(name);
    out.extend(std::iter::repeat(PDI).take(1 + open));
    out
}

/// Whether `c` can change the direction of text around it: the explicit
/// directional formatting characters (LRM, RLM, ALM, the embeddings,
/// overrides and isolates) and the blocks whose default bidirectional class
/// is right-to-left (R or AL: Hebrew to Arabic Extended-A, the Hebrew and
/// Arabic presentation forms, and the right-to-left ranges of the
/// supplementary planes, as Unicode's DerivedBidiClass.txt lists them).
fn needs_isolation(c: char) -> bool {
    matches!(
        c,
        '\u{0590}'..='\u{08FF}'
            | '\u{200E}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}'
    )
}

#[cfg(test)]
mod isolation_tests;
