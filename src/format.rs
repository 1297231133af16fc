//! Numbers as people read them, in Chinese and English.

use crate::i18n::Lang;

/// A share (0.56) as a percentage with `decimals` places: "56%" / "56.0%".
pub fn percent(share: f64, decimals: usize) -> String {
    format!("{:.*}%", decimals, share * 100.0)
}

/// A number with thousands separators and `decimals` places: 11196 →
/// "11,196". Chinese readers use the same separator in statistical tables.
pub fn grouped(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
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
/// "1.73万亿元" / "1.73 trillion CNY" from 10⁴ 亿元 up, else "6,425亿元" /
/// "642.5 billion CNY"; small amounts in 万元 below 1 亿元 ("9,100万元") and
/// in million CNY below a billion ("91 million CNY"), where "0.1 billion"
/// would lose the figure.
pub fn yi_yuan(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh if value.abs() >= 10_000.0 => format!("{}万亿元", trim(value / 10_000.0, 2)),
        Lang::Zh if value.abs() < 1.0 && value != 0.0 => {
            format!("{}万元", grouped(value * 10_000.0, 0))
        }
        Lang::En if value.abs() < 10.0 && value != 0.0 => {
            let million = value * 100.0;
            let places = if million.abs() < 10.0 { 1 } else { 0 };
            format!("{} million CNY", grouped(million, places))
        }
        Lang::Zh => format!(
            "{}亿元",
            grouped(value, if value.abs() < 100.0 { 1 } else { 0 })
        ),
        Lang::En if value.abs() >= 10_000.0 => {
            format!("{} trillion CNY", trim(value / 10_000.0, 2))
        }
        Lang::En => format!("{} billion CNY", grouped(value / 10.0, 1)),
    }
}

/// `value` with at most `decimals` places and no trailing zeros: 1.7300 → "1.73".
fn trim(value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value);
    if text.contains('.') {
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
