//! Rendered documents held until reconciliation is done: a document's JSON names the event it
//! belongs to, which is known only once every document is read. Documents are rendered (in
//! parallel) as they are extracted and kept here, in memory up to [`IN_MEMORY`] bytes and in an
//! anonymous temporary file past that, so memory stays bounded whatever the run's size. Nothing
//! reaches standard output before the run is decided.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, Write};

use crate::reconcile::Doc;

/// How much rendered output is kept in memory before it goes to a temporary file.
const IN_MEMORY: usize = 8 * 1024 * 1024;

/// One document as rendered: its bytes, and where the value of its `meeting` key goes (the
/// bytes hold `null` there, which stays when the document reports no meeting).
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Offset of the `null` that stands for the meeting's event, if the document reports one.
    pub meeting_at: Option<usize>,
}

/// The bytes `null` stand in for the event until it is known.
pub const PLACEHOLDER: &[u8] = b"null";

enum Store {
    Memory(Vec<u8>),
    File(BufWriter<File>),
}

/// Rendered documents in input order.
pub struct Spill {
    store: Store,
    /// Per document: its length, where its meeting goes, and its place in the collection.
    entries: Vec<(u64, Option<u32>, Option<Doc>)>,
}

impl Default for Spill {
    fn default() -> Self {
        Spill {
            store: Store::Memory(Vec::new()),
            entries: Vec::new(),
        }
    }
}

impl Spill {
    /// Keeps one rendered document; `doc` is its place in the collection, if readable.
    pub fn push(&mut self, r: &Rendered, doc: Option<Doc>) -> io::Result<()> {
        if let Store::Memory(buf) = &mut self.store
            && buf.len() + r.bytes.len() > IN_MEMORY
        {
            let mut file = BufWriter::new(tempfile::tempfile()?);
            file.write_all(buf)?;
            self.store = Store::File(file);
        }
        match &mut self.store {
            Store::Memory(buf) => buf.extend_from_slice(&r.bytes),
            Store::File(file) => file.write_all(&r.bytes)?,
        }
        let at = r
            .meeting_at
            .and_then(|at| u32::try_from(at).ok())
            .filter(|&at| r.bytes[at as usize..].starts_with(PLACEHOLDER));
        self.entries.push((r.bytes.len() as u64, at, doc));
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Writes every document in order, `before(i, out)` ahead of each and, where its meeting
    /// goes, what `meeting(doc, out)` writes instead of the placeholder.
    pub fn replay(
        self,
        out: &mut dyn Write,
        mut before: impl FnMut(usize, &mut dyn Write) -> io::Result<()>,
        mut meeting: impl FnMut(Doc, &mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        let mut reader: Box<dyn Read> = match self.store {
            Store::Memory(buf) => Box::new(io::Cursor::new(buf)),
            Store::File(file) => {
                let mut file = file.into_inner().map_err(|e| e.into_error())?;
                file.rewind()?;
                Box::new(BufReader::with_capacity(256 * 1024, file))
            }
        };
        let mut copy = |n: u64, out: &mut dyn Write| -> io::Result<()> {
            let copied = io::copy(&mut (&mut reader).take(n), out)?;
            if copied == n {
                Ok(())
            } else {
                Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the temporary file of rendered documents was cut short",
                ))
            }
        };
        for (i, (len, at, doc)) in self.entries.into_iter().enumerate() {
            before(i, out)?;
            match (at, doc) {
                (Some(at), Some(doc)) => {
                    let at = u64::from(at);
                    copy(at, out)?;
                    copy(PLACEHOLDER.len() as u64, &mut io::sink())?;
                    meeting(doc, out)?;
                    copy(len - at - PLACEHOLDER.len() as u64, out)?;
                }
                _ => copy(len, out)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_are_filled_in_order() {
        let mut spill = Spill::default();
        let doc = |s: &str| Rendered {
            bytes: s.as_bytes().to_vec(),
            meeting_at: s.find("null"),
        };
        spill.push(&doc("{\"m\": null}"), Some(0)).unwrap();
        spill.push(&doc("{\"m\": null}"), None).unwrap();
        spill
            .push(&doc("{\"m\": null, \"x\": 1}"), Some(1))
            .unwrap();
        let mut out = Vec::new();
        spill
            .replay(
                &mut out,
                |i, out| write!(out, "{}", if i == 0 { "" } else { "," }),
                |doc, out| write!(out, "\"E{}\"", doc + 1),
            )
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"m\": \"E1\"},{\"m\": null},{\"m\": \"E2\", \"x\": 1}"
        );
    }
}
