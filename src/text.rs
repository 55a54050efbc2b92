//! Text in messages: what is quoted from input files is cut short and has its control bytes
//! escaped, so a hostile file cannot flood or garble a terminal; counts name their noun.

/// Characters of a quoted token kept before it is cut.
const QUOTE_CHARS: usize = 40;

/// `'token'`, cut to about 40 characters (`'abc…' (1073741824 bytes)`) with control characters
/// escaped (`\n`, `\u{0}`).
pub fn quoted(token: &str) -> String {
    let mut text = String::with_capacity(QUOTE_CHARS + 8);
    let mut chars = token.chars();
    for c in chars.by_ref().take(QUOTE_CHARS) {
        if c.is_control() {
            text.extend(c.escape_default());
        } else {
            text.push(c);
        }
    }
    if chars.next().is_some() {
        format!("'{text}…' ({} bytes)", token.len())
    } else {
        format!("'{text}'")
    }
}

/// The first line of a library's error message (later lines often quote the file), without
/// control characters, trailing full stop or more than 160 characters.
pub fn first_line(message: &str) -> String {
    let first = message.lines().next().unwrap_or_default().trim().trim_end_matches('.');
    first.chars().filter(|c| !c.is_control()).take(160).collect()
}

/// `a, b or c` (`last` joins the final pair: `or`, `and`); one item alone, as it is.
pub fn series<S: AsRef<str>>(items: &[S], last: &str) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match items.split_last() {
        Some((final_item, rest)) if !rest.is_empty() => format!("{} {last} {final_item}", rest.join(", ")),
        _ => items.concat(),
    }
}

/// `1 frame`, `2 frames`.
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_tokens_are_cut_and_control_bytes_escaped() {
        assert_eq!(quoted("abc"), "'abc'");
        assert_eq!(quoted("a\nb\0"), "'a\\nb\\u{0}'");
        let long = "x".repeat(1 << 20);
        let q = quoted(&long);
        assert!(q.chars().count() <= 80, "{q}");
        assert!(q.ends_with("…' (1048576 bytes)"), "{q}");
    }
}
