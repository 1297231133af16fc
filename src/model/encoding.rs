//! The one rule for a file's bytes, shared by the browser, `zone-monitor
//! validate` and `import-values` (dataset and table alike): UTF-8, with or
//! without a byte-order mark (EF BB BF, which is dropped). Anything else is
//! [`BadEncoding`]: where the first bad byte is and what the file likely is
//! (UTF-16, as Windows' "Unicode" saves it; GBK, as a Chinese Excel's plain
//! CSV), so the message can say how to save it instead.

/// The UTF-8 byte-order mark, as text.
pub const BOM: &str = "\u{feff}";

/// Bytes that are not UTF-8: the first bad byte (0-based offset, 1-based
/// line and column in characters) and a guess at what they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadEncoding {
    pub byte: usize,
    pub line: usize,
    pub column: usize,
    pub guess: Guess,
}

/// What a file that is not UTF-8 most likely is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guess {
    /// A UTF-16 byte-order mark, or NUL bytes between ASCII ones.
    Utf16,
    /// A GBK double-byte character where the first bad byte is.
    Gbk,
    Unknown,
}

impl Guess {
    /// The encoding's name as a save dialog lists it, if there is a guess.
    pub fn name(self) -> Option<&'static str> {
        match self {
            Guess::Utf16 => Some("UTF-16"),
            Guess::Gbk => Some("GBK"),
            Guess::Unknown => None,
        }
    }
}

/// The text of `bytes` without a leading byte-order mark, or where and why
/// it is not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<&str, BadEncoding> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.strip_prefix(BOM).unwrap_or(text)),
        Err(e) => {
            let at = e.valid_up_to();
            // The bytes before are UTF-8: a character is a byte that does
            // not continue one (10xxxxxx).
            let before = &bytes[..at];
            let line_start = before
                .iter()
                .rposition(|b| *b == b'\n')
                .map_or(0, |i| i + 1);
            Err(BadEncoding {
                byte: at,
                line: 1 + before.iter().filter(|b| **b == b'\n').count(),
                column: 1 + before[line_start..]
                    .iter()
                    .filter(|b| **b & 0xC0 != 0x80)
                    .count(),
                guess: guess(bytes, at),
            })
        }
    }
}

fn guess(bytes: &[u8], at: usize) -> Guess {
    let head = &bytes[..bytes.len().min(64)];
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) || head.contains(&0) {
        Guess::Utf16
    } else if matches!(bytes[at..], [0x81..=0xFE, 0x40..=0xFE, ..]) {
        Guess::Gbk
    } else {
        Guess::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_or_without_a_bom() {
        assert_eq!(decode(b"{}"), Ok("{}"));
        assert_eq!(decode(b"\xEF\xBB\xBF{}"), Ok("{}"));
        // Only one mark is dropped: a second is text (and not JSON).
        assert_eq!(decode(b"\xEF\xBB\xBF\xEF\xBB\xBF{}"), Ok("\u{feff}{}"));
    }

    #[test]
    fn bad_bytes_are_located_and_guessed() {
        // By hand: "ab\n" then "é" (2 bytes, 1 character), then the GBK
        // bytes of 高 (B8 DF): line 2, column 2, byte 5.
        let bad = decode(b"ab\n\xC3\xA9\xB8\xDF").unwrap_err();
        assert_eq!((bad.byte, bad.line, bad.column), (5, 2, 2));
        assert_eq!(bad.guess, Guess::Gbk);
        // "{}" in UTF-16 LE with its mark.
        let bad = decode(b"\xFF\xFE{\x00}\x00").unwrap_err();
        assert_eq!(
            (bad.byte, bad.line, bad.column, bad.guess),
            (0, 1, 1, Guess::Utf16)
        );
        assert_eq!(decode(b"a\xFF").unwrap_err().guess, Guess::Unknown);
    }
}
