//! Writers for analysed documents: JSON Lines (the oracle's form), CoNLL-U and a readable text table.

use super::Doc;
use std::io::{self, Write};

/// Writes a document as one line of JSON (the oracle's fields, see [`Doc::to_json`]).
///
/// # Errors
/// When writing fails.
pub fn write_jsonl(doc: &Doc, out: &mut impl Write) -> io::Result<()> {
    doc.write_json(&mut *out)?;
    out.write_all(b"\n")
}

/// Makes a token field fit a CoNLL-U column: no tabs, newlines or spaces, never empty.
fn column(s: &str) -> String {
    if s.is_empty() {
        return "_".to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            ' ' => out.push_str("\\s"),
            c if c.is_whitespace() || c.is_control() => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// One line of text for a `# text =` comment: whitespace runs become one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes a document in CoNLL-U: `# newdoc id`, then per sentence `# sent_id`, `# text` and one line per
/// token (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC). Whitespace inside a form is escaped
/// (`\n`, `\t`, `\s`); MISC carries `SpaceAfter=No` and the entity tag (`NER=B-GPE`).
///
/// # Errors
/// When writing fails.
pub fn write_conllu(doc: &Doc, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "# newdoc id = {}", one_line(&doc.id))?;
    for (n, sent) in doc.sentences().iter().enumerate() {
        writeln!(out, "# sent_id = {}-{}", one_line(&doc.id), n + 1)?;
        writeln!(
            out,
            "# text = {}",
            one_line(doc.slice(sent.start_byte..sent.end_byte))
        )?;
        for i in sent.tokens() {
            let t = &doc.tokens[i];
            let head = if t.head == i || !sent.tokens().contains(&t.head) {
                0
            } else {
                t.head - sent.start + 1
            };
            let mut misc = Vec::new();
            if !t.space_after {
                misc.push("SpaceAfter=No".to_string());
            }
            if !t.ent_iob.as_str().is_empty() && t.ent_iob.as_str() != "O" {
                misc.push(format!("NER={}-{}", t.ent_iob.as_str(), t.ent_type));
            }
            let deprel = if head == 0 && !t.dep.is_empty() {
                "root".to_string()
            } else {
                column(&t.dep)
            };
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                i - sent.start + 1,
                column(doc.token_text(i)),
                column(&t.lemma),
                column(&t.pos),
                column(&t.tag),
                column(&t.morph),
                head,
                deprel,
                if misc.is_empty() {
                    "_".to_string()
                } else {
                    misc.join("|")
                },
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Writes a document as readable text: per sentence its text, then a table of tokens and the entities.
///
/// # Errors
/// When writing fails.
pub fn write_text(doc: &Doc, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "=== {} ===", doc.id)?;
    for (n, sent) in doc.sentences().iter().enumerate() {
        writeln!(
            out,
            "[{}] {}",
            n + 1,
            one_line(doc.slice(sent.start_byte..sent.end_byte))
        )?;
        let rows: Vec<[String; 8]> = sent
            .tokens()
            .map(|i| {
                let t = &doc.tokens[i];
                let ent = match t.ent_iob.as_str() {
                    "B" | "I" => format!("{}-{}", t.ent_iob.as_str(), t.ent_type),
                    _ => String::new(),
                };
                [
                    i.to_string(),
                    column(doc.token_text(i)),
                    column(&t.lemma),
                    t.pos.clone(),
                    t.tag.clone(),
                    t.dep.clone(),
                    t.head.to_string(),
                    ent,
                ]
            })
            .collect();
        let header = ["i", "text", "lemma", "pos", "tag", "dep", "head", "ent"];
        let mut widths = header.map(str::len);
        for row in &rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[&str]| {
            let mut s = String::from("  ");
            for (cell, w) in cells.iter().zip(widths) {
                s.push_str(cell);
                s.push_str(&" ".repeat(w.saturating_sub(cell.chars().count()) + 2));
            }
            s.trim_end().to_string()
        };
        writeln!(out, "{}", line(&header))?;
        for row in &rows {
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            writeln!(out, "{}", line(&cells))?;
        }
    }
    if !doc.ents.is_empty() {
        let ents: Vec<String> = doc
            .ents
            .iter()
            .map(|e| {
                format!(
                    "{} [{}]",
                    one_line(doc.slice(e.start_byte..e.end_byte)),
                    e.label
                )
            })
            .collect();
        writeln!(out, "entities: {}", ents.join("; "))?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{EntIob, Token};

    fn sample() -> Doc {
        let text = "Japan won.\n\nIt rained.";
        let tok =
            |start: usize, end: usize, tag: &str, dep: &str, head: usize, sent_start: bool| Token {
                start,
                end,
                tag: tag.into(),
                pos: "X".into(),
                lemma: text[start..end].to_lowercase(),
                dep: dep.into(),
                head,
                sent_start,
                ent_iob: EntIob::Outside,
                ..Token::default()
            };
        let mut tokens = vec![
            tok(0, 5, "NNP", "nsubj", 1, true),
            tok(6, 9, "VBD", "ROOT", 1, false),
            tok(9, 10, ".", "punct", 1, false),
            tok(10, 12, "_SP", "dep", 2, false),
            tok(12, 14, "PRP", "nsubj", 5, true),
            tok(15, 21, "VBD", "ROOT", 5, false),
            tok(21, 22, ".", "punct", 5, false),
        ];
        tokens[0].space_after = true;
        tokens[1].space_after = false;
        tokens[4].space_after = true;
        tokens[0].ent_iob = EntIob::Begin;
        tokens[0].ent_type = "GPE".into();
        let mut doc = Doc {
            id: "d1".into(),
            text: text.into(),
            tokens,
            ents: vec![],
        };
        doc.ents_from_iob();
        doc
    }

    #[test]
    fn conllu_has_one_block_per_sentence_with_valid_columns() {
        let mut buf = Vec::new();
        write_conllu(&sample(), &mut buf).unwrap();
        let s = String::from_utf8(buf).unwrap();
        let blocks: Vec<&str> = s.trim_end().split("\n\n").collect();
        assert_eq!(blocks.len(), 2);
        assert!(blocks[0].contains("# sent_id = d1-1\n# text = Japan won."));
        let lines: Vec<&str> = blocks[0].lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(lines.len(), 4);
        for l in &lines {
            assert_eq!(l.split('\t').count(), 10, "{l}");
        }
        assert_eq!(
            lines[0],
            "1\tJapan\tjapan\tX\tNNP\t_\t2\tnsubj\t_\tNER=B-GPE"
        );
        assert_eq!(
            lines[1],
            "2\twon\twon\tX\tVBD\t_\t0\troot\t_\tSpaceAfter=No"
        );
        assert!(lines[3].starts_with("4\t\\n\\n\t"));
    }

    #[test]
    fn text_and_jsonl_render() {
        let doc = sample();
        let mut buf = Vec::new();
        write_text(&doc, &mut buf).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(s.contains("[2] It rained."));
        assert!(s.contains("entities: Japan [GPE]"));
        let mut buf = Vec::new();
        write_jsonl(&doc, &mut buf).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(Doc::from_json(&v).unwrap(), doc);
    }
}
